package io.fordra.interest;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.fordra.ProcessPaths;
import io.fordra.interest.ReferenceRateReminder.Elements;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * reference-rate-reminder alone, its steps mocked: the daily check, the task completed with the rate, and the task
 * ended by a row recorded over the API.
 */
@Deployment(resources = {ReferenceRateReminder.RESOURCE, "forms/enter-reference-rate.form"})
public class ReferenceRatePathsTest extends ProcessPaths {

  @Test
  void theDailyCheckStartsAReminderPerMissingRate() {
    Mocks.register("findMissingReferenceRates", (JavaDelegate) e -> {
      missing(e.getProcessEngineServices().getRuntimeService(), "SE");
      ReferenceRateReminder.REMINDERS_STARTED.set(e, 1);
    });
    execute(jobQuery().activityId(Elements.START_DAILY).singleResult());
    ProcessInstance check = processInstanceQuery().processDefinitionKey(ReferenceRateReminder.KEY).singleResult();
    assertThat(check).isWaitingAt(Elements.FIND_MISSING);
    org.assertj.core.api.Assertions.assertThat(jobQuery().activityId(Elements.START_DAILY).count())
        .as("the next day's timer").isOne();
    run(check, Elements.FIND_MISSING);
    reached(check, Elements.END_CHECKED);
    assertThat(check).isEnded();
    org.assertj.core.api.Assertions.assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests
        .historyService().createHistoricVariableInstanceQuery().processInstanceId(check.getId())
        .variableName(ReferenceRateReminder.REMINDERS_STARTED.name()).singleResult().getValue()).isEqualTo(1);

    ProcessInstance reminder = processInstanceQuery().processInstanceBusinessKey("reference-rate-SE-2026-H2")
        .singleResult();
    assertThat(reminder).hasPassed(Elements.START_RATE_MISSING).isWaitingAt(Elements.ENTER_RATE);
    assertThat(task(reminder)).hasCandidateGroup("finance").hasDefinitionKey(Elements.ENTER_RATE);
  }

  @Test
  void completedWithTheRate() {
    ProcessInstance reminder = missing(runtimeService(), "SE");
    assertThat(reminder).isWaitingAt(Elements.ENTER_RATE);
    complete(task(reminder), withVariables(ReferenceRateReminder.REFERENCE_RATE.name(), "2.00",
        ReferenceRateReminder.SOURCE.name(), "Riksbanken"));
    reached(reminder, Elements.END_RECORDED);
    assertThat(reminder).isEnded().hasNotPassed(Elements.END_RECORDED_ELSEWHERE);
  }

  @Test
  void endedByARowRecordedOverTheApi() {
    ProcessInstance reminder = missing(runtimeService(), "NO");
    runtimeService().createMessageCorrelation(ReferenceRateReminder.RATE_RECORDED)
        .processInstanceBusinessKey("reference-rate-NO-2026-H2").correlateAll();
    reached(reminder, Elements.END_RECORDED_ELSEWHERE);
    assertThat(reminder).isEnded().hasPassed(Elements.RECORDED_ELSEWHERE).hasNotPassed(Elements.END_RECORDED);
  }

  private static ProcessInstance missing(org.camunda.bpm.engine.RuntimeService runtime, String country) {
    return runtime.startProcessInstanceByMessage(ReferenceRateReminder.RATE_MISSING,
        "reference-rate-" + country + "-2026-H2", Variables.createVariables()
            .putValue(ReferenceRateReminder.COUNTRY.name(), country)
            .putValue(ReferenceRateReminder.HALF_YEAR.name(), "2026-H2"));
  }
}
