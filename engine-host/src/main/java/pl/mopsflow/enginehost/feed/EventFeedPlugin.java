package pl.mopsflow.enginehost.feed;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Wires the feed into the engine: a custom history event handler (next to the engine's own database handler,
 * never instead of it), the sequence-flow parse listener and the per-command feed session.
 */
public class EventFeedPlugin extends AbstractProcessEnginePlugin {

  private final FeedSessionFactory sessions;

  public EventFeedPlugin(FeedSessionFactory sessions) {
    this.sessions = sessions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    if (config.getCustomHistoryEventHandlers() == null) {
      config.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    config.getCustomHistoryEventHandlers().add(new FeedHistoryEventHandler());
    if (config.getCustomPostBPMNParseListeners() == null) {
      config.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    config.getCustomPostBPMNParseListeners().add(new SequenceFlowParseListener());
    if (config.getCustomSessionFactories() == null) {
      config.setCustomSessionFactories(new ArrayList<>());
    }
    config.getCustomSessionFactories().add(sessions);
  }
}
