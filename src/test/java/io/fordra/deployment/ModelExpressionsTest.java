package io.fordra.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.GenericApplicationContext;

/** The expression rules of the deployment gate, one expression at a time (no engine needed). */
class ModelExpressionsTest {

  private static GenericApplicationContext context;
  private static ModelExpressions expressions;

  /** A step of Fordra (its package is io.fordra…). */
  static class Step implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {}
  }

  @ModelFunctions
  static class Schedule {
    public Date dueAt(DelegateExecution execution) {
      return new Date();
    }

    public Date firstWorkingDay() {
      return new Date();
    }

    public Date at(String when) {
      return new Date();
    }
  }

  @BeforeAll
  static void beans() {
    context = new GenericApplicationContext();
    context.registerBean("sendReminder", Step.class);
    context.registerBean("schedule", Schedule.class);
    context.registerBean("dataSource", Object.class);
    context.refresh();
    expressions = new ModelExpressions(new ModelBeans(context));
  }

  @AfterAll
  static void close() {
    context.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${settled}", "${!settled && handedOff}", "${dunningStep.action == 'REMINDER'}", "${dunningStep['action']}",
      "${not empty unmatchedPayments}", "${differences > 0}", "${lines[0].amount * 2 + 1}",
      "${reviewDecision == 'CONTINUE' ? 1 : 2}", "#{execution.processBusinessKey}", "${true}",
      "${schedule.dueAt(execution)}", "${!schedule.dueAt(execution)}", "${schedule.firstWorkingDay()}",
      "invoice ${invoiceNumber} of ${customerName}", "${authenticatedUserId}"})
  void readsOfVariablesAndModelFunctionsPass(String expression) {
    assertThat(expressions.refuseValue(expression)).as(expression).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}",
      "${unmatchedPayments.size() > 0}", "${execution.getVariable('deviation')}", "${x.class}", "${x['class']}",
      "${x.classLoader}", "${x[name]}", "${execution}", "${task.name}", "${execution.processEngineServices}",
      "${dataSource}", "${dataSource.connection}", "${empty dataSource}", "${sendReminder}", "${schedule}",
      "${schedule.at('now')}", "${schedule.dueAt(task)}", "${schedule.wait()}", "${schedule.missing()}",
      "${S(payload).prop('x')}", "${dateTime().plusDays(1)}", "${currentUser()}", "${x.y(execution)}", "${"})
  void everythingElseIsRefused(String expression) {
    assertThat(expressions.refuseValue(expression)).as(expression).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${sendReminder}", "#{sendReminder}"})
  void aDelegateExpressionNamesAStep(String expression) {
    assertThat(expressions.refuseDelegate(expression)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${dataSource}", "${schedule}", "${sendReminder.class}", "sendReminder", "${sendReminder} ",
      "${unknownBean}", "${schedule.dueAt(execution)}", "${sendReminder}${sendReminder}"})
  void aDelegateExpressionNamesNothingElse(String expression) {
    assertThat(expressions.refuseDelegate(expression)).as(expression).isPresent();
  }
}
