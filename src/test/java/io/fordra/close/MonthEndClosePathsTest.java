package io.fordra.close;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.fordra.ProcessPaths;
import io.fordra.close.MonthEndClose.Elements;
import java.time.YearMonth;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** month-end-close alone, started by its adapter or its timer, with mocked steps: both starts, with and without differences. */
@Deployment(resources = MonthEndClose.RESOURCE)
public class MonthEndClosePathsTest extends ProcessPaths {

  private int differences;

  @BeforeEach
  void mockTheSteps() {
    CloseCalendar calendar = mock(CloseCalendar.class);
    when(calendar.firstWorkingDay()).thenReturn(new Date(4_102_444_800_000L));
    Mocks.register("closeCalendar", calendar);
    Mocks.register("releaseDeferredRevenue", (JavaDelegate) e -> MonthEndClose.RELEASES.set(e, 1));
    Mocks.register("reconcileLedger", (JavaDelegate) e -> MonthEndClose.DIFFERENCES.set(e, differences));
  }

  @Test
  void reconciledByHandWithoutDifferences() {
    ProcessInstance close = byHand();
    reached(close, Elements.END);
    assertThat(close).hasPassed(Elements.START_BY_HAND, Elements.RELEASE_DEFERRED_REVENUE, Elements.RECONCILE,
        Elements.RECORD_CLOSE).hasNotPassed(Elements.REVIEW).isEnded();
    assertThat(close).variables().containsEntry(MonthEndClose.RELEASES.name(), 1);
  }

  @Test
  void differencesAreReviewedByFinanceBeforeTheClose() {
    differences = 2;
    ProcessInstance close = byHand();
    assertThat(close).hasPassed(Elements.RELEASE_DEFERRED_REVENUE).isWaitingAt(Elements.REVIEW);
    assertThat(task(close)).hasCandidateGroup("finance");
    complete(task(close), withVariables(MonthEndClose.DECISION.name(), MonthEndClose.Decision.ACCEPTED.name(),
        MonthEndClose.COMMENT.name(), "timing of a bank file"));
    reached(close, Elements.END);
    assertThat(close).hasPassed(Elements.RECORD_CLOSE).isEnded();
  }

  @Test
  void theMonthlyTimerWaitsForTheFirstWorkingDay() {
    execute(jobQuery().activityId(Elements.START_MONTHLY).singleResult());
    ProcessInstance close = processInstanceQuery().processDefinitionKey(MonthEndClose.KEY).singleResult();
    assertThat(close).isWaitingAt(Elements.WAIT_FIRST_WORKING_DAY);
    run(close, Elements.WAIT_FIRST_WORKING_DAY);
    reached(close, Elements.END);
    assertThat(close).hasPassed(Elements.START_MONTHLY, Elements.RELEASE_DEFERRED_REVENUE, Elements.RECONCILE)
        .isEnded();
  }

  /** As EngineMonthEndCloseRuns starts it (which answers only the id: the instance may have ended already). */
  private ProcessInstance byHand() {
    String period = YearMonth.of(2026, 3).toString();
    return runtimeService().createMessageCorrelation(MonthEndClose.RUN_BY_HAND)
        .processInstanceBusinessKey(MonthEndClose.businessKey(period))
        .setVariable(MonthEndClose.PERIOD.name(), period).setVariable(MonthEndClose.CLOSE_ID.name(), 1L)
        .correlateStartMessage();
  }
}
