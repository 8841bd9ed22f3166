package pl.mopsflow.enginehost.feed;

import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** One of the engine's custom history event handlers: hands the events the feed carries to the command's session. */
public class FeedHistoryEventHandler implements HistoryEventHandler {

  @Override
  public void handleEvent(HistoryEvent historyEvent) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return;
    }
    FeedEvent event = HistoryEventMapper.map(historyEvent, context);
    if (event != null) {
      context.getSession(FeedSession.class).add(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> historyEvents) {
    historyEvents.forEach(this::handleEvent);
  }
}
