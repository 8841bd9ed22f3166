package pl.mopsflow.enginehost.feed;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/** Listens to {@code take} on every sequence flow: a flow-taken event. */
public class FlowTakenListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return;
    }
    ExecutionEntity entity = (ExecutionEntity) execution;
    ProcessDefinitionEntity definition = entity.getProcessDefinition();
    FeedEvent event = FeedEvent.of("flow-taken")
        .process(entity.getProcessInstanceId(), entity.getRootProcessInstanceId(), entity.getProcessDefinitionId(),
            definition == null ? null : definition.getKey(), definition == null ? null : definition.getVersion())
        .with("businessKey", entity.getProcessBusinessKey())
        .with("elementId", entity.getCurrentTransitionId())
        .with("elementType", "sequenceFlow");
    context.getSession(FeedSession.class).add(event);
  }
}
