package pl.mopsflow.enginehost.feed;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * One event of the feed: every field of the contract is present, {@code null} when it does not apply. The outbox
 * id becomes {@code seq} when the drainer sends it.
 */
public final class FeedEvent {

  static final List<String> FIELDS = List.of(
      "id", "type", "at",
      "processInstanceId", "rootProcessInstanceId", "processDefinitionId", "processDefinitionKey",
      "processDefinitionVersion", "businessKey", "superProcessInstanceId",
      "elementId", "elementType", "activityInstanceId", "canceled",
      "taskId", "name", "assignee", "due", "priority", "formRef", "candidateGroups", "deleteReason", "state",
      "incidentId", "incidentType", "incidentMessage", "configuration", "causeIncidentId", "rootCauseIncidentId");

  private static final List<String> TASK_FIELDS =
      List.of("name", "assignee", "due", "priority", "formRef", "candidateGroups");

  private final Map<String, Object> fields = new LinkedHashMap<>();

  private FeedEvent(String type) {
    for (String field : FIELDS) {
      fields.put(field, null);
    }
    fields.put("id", UUID.randomUUID().toString());
    fields.put("type", type);
    fields.put("at", ClockUtil.getCurrentTime().toInstant().toString());
  }

  public static FeedEvent of(String type) {
    return new FeedEvent(type);
  }

  public FeedEvent with(String field, Object value) {
    if (!fields.containsKey(field)) {
      throw new IllegalArgumentException("Unknown feed event field: " + field);
    }
    fields.put(field, value instanceof Date date ? date.toInstant().toString() : value);
    return this;
  }

  public FeedEvent process(String processInstanceId, String rootProcessInstanceId, String definitionId,
      String definitionKey, Integer definitionVersion) {
    return with("processInstanceId", processInstanceId)
        .with("rootProcessInstanceId", rootProcessInstanceId)
        .with("processDefinitionId", definitionId)
        .with("processDefinitionKey", definitionKey)
        .with("processDefinitionVersion", definitionVersion);
  }

  /** The task fields of a later event of the same task (its id, type and place in the feed stay). */
  void takeTaskStateOf(FeedEvent later) {
    for (String field : TASK_FIELDS) {
      fields.put(field, later.fields.get(field));
    }
  }

  public String type() {
    return (String) fields.get("type");
  }

  public String taskId() {
    return (String) fields.get("taskId");
  }

  Map<String, Object> fields() {
    return fields;
  }
}
