package pl.mopsflow.enginehost.feed;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Adds the flow-taken listener to every sequence flow of every deployed process. */
public class SequenceFlowParseListener extends AbstractBpmnParseListener {

  private final FlowTakenListener listener = new FlowTakenListener();

  @Override
  public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scopeElement, TransitionImpl transition) {
    transition.addBuiltInListener(ExecutionListener.EVENTNAME_TAKE, listener);
  }
}
