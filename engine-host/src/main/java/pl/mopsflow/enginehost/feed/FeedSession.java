package pl.mopsflow.enginehost.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSession;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;

/**
 * The feed events of one command. They are written when the command context flushes its sessions — after the
 * last history event (task updates are announced by the command's close listeners) and on the engine's own JDBC
 * connection, so the rows commit or roll back with the engine's changes.
 */
public class FeedSession implements Session {

  private final CommandContext context;
  private final DbSqlSession dbSqlSession;
  private final EventJson json;
  private final Runnable onCommitted;
  private final List<FeedEvent> events = new ArrayList<>();

  FeedSession(CommandContext context, EventJson json, Runnable onCommitted) {
    this.context = context;
    this.dbSqlSession = context.getDbSqlSession();
    this.json = json;
    this.onCommitted = onCommitted;
  }

  /**
   * Adds an event. A task-updated carries the task's whole current state, so within one command it folds into the
   * task-created or task-updated just before it (nothing else of that task in between); nothing follows a
   * task-completed or task-deleted of the task.
   */
  void add(FeedEvent event) {
    String taskId = event.taskId();
    if (taskId != null && event.type().startsWith("task-")) {
      FeedEvent last = lastTaskEvent(taskId);
      if (last != null && (last.type().equals("task-completed") || last.type().equals("task-deleted"))) {
        return;
      }
      if (last != null && event.type().equals("task-updated")
          && (last.type().equals("task-updated") || last.type().equals("task-created"))) {
        last.takeTaskStateOf(event);
        return;
      }
    }
    events.add(event);
  }

  @Override
  public void flush() {
    if (events.isEmpty()) {
      return;
    }
    List<FeedEvent> pending = new ArrayList<>(events);
    events.clear();
    Connection connection = dbSqlSession.getSqlSession().getConnection();
    try (PreparedStatement insert = connection.prepareStatement(OutboxTable.INSERT)) {
      for (FeedEvent event : pending) {
        insert.setString(1, json.write(event));
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException failure) {
      throw new ProcessEngineException("Could not write engine events to " + OutboxTable.NAME, failure);
    }
    context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> onCommitted.run());
  }

  @Override
  public void close() {
    events.clear();
  }

  private FeedEvent lastTaskEvent(String taskId) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (taskId.equals(events.get(i).taskId()) && events.get(i).type().startsWith("task-")) {
        return events.get(i);
      }
    }
    return null;
  }

}
