package pl.mopsflow.enginehost.feed;

import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Turns the engine's history events into feed events: process, activity, task, candidate-group and incident
 * events; everything else (variables, job and external task logs, decisions, operation log) gives null.
 */
final class HistoryEventMapper {

  private HistoryEventMapper() {}

  static FeedEvent map(HistoryEvent event, CommandContext context) {
    if (event instanceof HistoricProcessInstanceEventEntity process) {
      return process(process);
    }
    if (event instanceof HistoricActivityInstanceEventEntity activity) {
      return activity(activity);
    }
    if (event instanceof HistoricTaskInstanceEventEntity task) {
      return task(task, context);
    }
    if (event instanceof HistoricIdentityLinkLogEventEntity link) {
      return candidateGroupChange(link, context);
    }
    if (event instanceof HistoricIncidentEventEntity incident) {
      return incident(incident);
    }
    return null;
  }

  private static FeedEvent process(HistoricProcessInstanceEventEntity event) {
    String type = switch (event.getEventType()) {
      case "start" -> "process-started";
      case "end" -> "process-ended";
      default -> null;
    };
    if (type == null) {
      return null;
    }
    return withProcess(FeedEvent.of(type), event)
        .with("businessKey", event.getBusinessKey())
        .with("superProcessInstanceId", event.getSuperProcessInstanceId())
        .with("deleteReason", type.equals("process-ended") ? event.getDeleteReason() : null)
        .with("state", type.equals("process-ended") ? event.getState() : null);
  }

  private static FeedEvent activity(HistoricActivityInstanceEventEntity event) {
    String type = switch (event.getEventType()) {
      case "start" -> "activity-started";
      case "end" -> "activity-ended";
      default -> null;
    };
    if (type == null) {
      return null;
    }
    return withProcess(FeedEvent.of(type), event)
        .with("elementId", event.getActivityId())
        .with("elementType", event.getActivityType())
        .with("activityInstanceId", event.getActivityInstanceId())
        .with("taskId", event.getTaskId())
        .with("canceled", type.equals("activity-ended") ? event.isCanceled() : null);
  }

  private static FeedEvent task(HistoricTaskInstanceEventEntity event, CommandContext context) {
    // the engine ends every task with a "complete" history event; only the delete reason tells a completion
    // ("completed") from a cancellation (process deleted, interrupting boundary event, "deleted")
    String type = switch (event.getEventType()) {
      case "create" -> "task-created";
      case "update" -> "task-updated";
      case "complete" -> TaskEntity.DELETE_REASON_COMPLETED.equals(event.getDeleteReason()) ? "task-completed" : "task-deleted";
      case "delete" -> "task-deleted";
      default -> null;
    };
    if (type == null) {
      return null;
    }
    TaskEntity task = TaskSnapshot.find(context, event.getTaskId());
    boolean ending = type.equals("task-completed") || type.equals("task-deleted");
    return withProcess(FeedEvent.of(type), event)
        .with("elementId", event.getTaskDefinitionKey())
        .with("activityInstanceId", event.getActivityInstanceId())
        .with("taskId", event.getTaskId())
        .with("name", event.getName())
        .with("assignee", event.getAssignee())
        .with("due", event.getDueDate())
        .with("priority", event.getPriority())
        .with("formRef", TaskSnapshot.formRef(task))
        .with("candidateGroups", TaskSnapshot.candidateGroups(context, task, null, ending))
        .with("deleteReason", ending ? event.getDeleteReason() : null);
  }

  /** A candidate group added to or removed from a task that exists already: a task-updated with the new list. */
  private static FeedEvent candidateGroupChange(HistoricIdentityLinkLogEventEntity event, CommandContext context) {
    if (!IdentityLinkType.CANDIDATE.equals(event.getType()) || event.getGroupId() == null || event.getTaskId() == null) {
      return null;
    }
    TaskEntity task = TaskSnapshot.find(context, event.getTaskId());
    if (task == null || TaskSnapshot.isBeingCreated(task)) {
      return null; // task-created carries the groups
    }
    return TaskSnapshot.updated(context, task, event);
  }

  private static FeedEvent incident(HistoricIncidentEventEntity event) {
    String type = switch (event.getEventType()) {
      case "create" -> "incident-created";
      case "resolve" -> "incident-resolved";
      case "delete" -> "incident-deleted";
      default -> null;
    };
    if (type == null) {
      return null;
    }
    return withProcess(FeedEvent.of(type), event)
        .with("elementId", event.getActivityId())
        .with("incidentId", event.getId())
        .with("incidentType", event.getIncidentType())
        .with("incidentMessage", event.getIncidentMessage())
        .with("configuration", event.getConfiguration())
        .with("causeIncidentId", event.getCauseIncidentId())
        .with("rootCauseIncidentId", event.getRootCauseIncidentId());
  }

  private static FeedEvent withProcess(FeedEvent feedEvent, HistoryEvent event) {
    return feedEvent.process(event.getProcessInstanceId(), event.getRootProcessInstanceId(),
        event.getProcessDefinitionId(), event.getProcessDefinitionKey(), event.getProcessDefinitionVersion());
  }
}
