package pl.mopsflow.enginehost.feed;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** Opens one {@link FeedSession} per command context, on first use. */
public class FeedSessionFactory implements SessionFactory {

  private final EventJson json;
  private final Runnable onCommitted;

  public FeedSessionFactory(EventJson json, Runnable onCommitted) {
    this.json = json;
    this.onCommitted = onCommitted;
  }

  @Override
  public Class<?> getSessionType() {
    return FeedSession.class;
  }

  @Override
  public Session openSession() {
    return new FeedSession(Context.getCommandContext(), json, onCommitted);
  }
}
