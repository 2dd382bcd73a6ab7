package io.fordra.interest;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.fordra.ProcessPaths;
import io.fordra.interest.InterestInvoicingProcess.Elements;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** interest-invoicing alone, with a mocked chunk step: by hand or monthly, chunk after chunk until none is left. */
@Deployment(resources = InterestInvoicingProcess.RESOURCE)
public class InterestInvoicingPathsTest extends ProcessPaths {

  /** How many chunks the run has: the step answers "more" until the last. */
  private final AtomicInteger chunksLeft = new AtomicInteger(2);

  @BeforeEach
  void mockTheStep() {
    Mocks.register("invoiceInterestChunk",
        (JavaDelegate) e -> InterestInvoicingProcess.MORE.set(e, chunksLeft.decrementAndGet() > 0));
  }

  @Test
  void byHandChunkAfterChunk() {
    ProcessInstance run = runtimeService().startProcessInstanceByMessage(InterestInvoicingProcess.RUN_BY_HAND,
        "interest-2026-03", Variables.createVariables().putValue(InterestInvoicingProcess.MONTH.name(), "2026-03"));
    assertThat(run).hasPassed(Elements.START_BY_HAND).isWaitingAt(Elements.INVOICE_CHUNK);
    run(run, Elements.INVOICE_CHUNK);
    assertThat(run).as("one more chunk").isWaitingAt(Elements.INVOICE_CHUNK);
    run(run, Elements.INVOICE_CHUNK);
    reached(run, Elements.END_INVOICED);
    assertThat(run).isEnded();
  }

  @Test
  void monthly() {
    chunksLeft.set(1);
    execute(jobQuery().activityId(Elements.START_MONTHLY).singleResult());
    ProcessInstance run = processInstanceQuery().processDefinitionKey(InterestInvoicingProcess.KEY).singleResult();
    run(run, Elements.INVOICE_CHUNK);
    reached(run, Elements.END_INVOICED);
    assertThat(run).hasPassed(Elements.START_MONTHLY).isEnded();
  }
}
