package pl.mopsflow.enginehost.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** What the feed reads from a task entity in the current command: its candidate groups and form reference. */
final class TaskSnapshot {

  private TaskSnapshot() {}

  static TaskEntity find(CommandContext context, String taskId) {
    return taskId == null ? null : context.getTaskManager().findTaskById(taskId);
  }

  /** The task is inside {@code UserTaskActivityBehavior} between insert and its create event. */
  static boolean isBeingCreated(TaskEntity task) {
    return "Init".equals(task.getTaskState());
  }

  /**
   * The task's current candidate groups, in the order they were added. Links deleted in this command are still in
   * the task's list (marked deleted in the entity cache); an add is announced before the link joins the list, so
   * the change being announced is applied on top.
   */
  static List<String> candidateGroups(CommandContext context, TaskEntity task, HistoricIdentityLinkLogEventEntity change) {
    return candidateGroups(context, task, change, false);
  }

  /** With {@code ending}: the groups the task had when it was completed or deleted (its links go with it). */
  static List<String> candidateGroups(CommandContext context, TaskEntity task, HistoricIdentityLinkLogEventEntity change,
      boolean ending) {
    Set<String> groups = new LinkedHashSet<>();
    if (task != null) {
      DbEntityCache cache = context.getDbEntityManager().getDbEntityCache();
      for (IdentityLinkEntity link : task.getIdentityLinks()) {
        boolean gone = !ending && cache.isDeleted(link);
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null && !gone) {
          groups.add(link.getGroupId());
        }
      }
    }
    if (change != null) {
      if ("add".equals(change.getOperationType())) {
        groups.add(change.getGroupId());
      } else {
        groups.remove(change.getGroupId());
      }
    }
    return new ArrayList<>(groups);
  }

  static String formRef(TaskEntity task) {
    if (task == null) {
      return null;
    }
    try {
      task.initializeFormKey();
      CamundaFormRef ref = task.getCamundaFormRef();
      return ref != null ? ref.getKey() : task.getFormKey();
    } catch (RuntimeException unresolvable) {
      return null;
    }
  }

  static FeedEvent updated(CommandContext context, TaskEntity task, HistoricIdentityLinkLogEventEntity change) {
    ExecutionEntity execution = task.getExecution();
    ProcessDefinitionEntity definition = task.getProcessDefinition();
    return FeedEvent.of("task-updated")
        .process(task.getProcessInstanceId(), execution == null ? null : execution.getRootProcessInstanceId(),
            task.getProcessDefinitionId(), definition == null ? null : definition.getKey(),
            definition == null ? null : definition.getVersion())
        .with("elementId", task.getTaskDefinitionKey())
        .with("activityInstanceId", execution == null ? null : execution.getActivityInstanceId())
        .with("taskId", task.getId())
        .with("name", task.getName())
        .with("assignee", task.getAssignee())
        .with("due", task.getDueDate())
        .with("priority", task.getPriority())
        .with("formRef", formRef(task))
        .with("candidateGroups", candidateGroups(context, task, change));
  }
}
