package io.fordra.task;

import io.fordra.kernel.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * A task is completed with its form's answer and nothing else: every variable the completion sets must be a field
 * of the task's Camunda Form, shown (not hidden by the form's conditions), with a value the form allows (an option,
 * a number in range, text not too long); required fields must be answered; read-only fields may come back only as
 * they were shown. Otherwise the completion is refused ({@link FormAnswerRefused}) and nothing of it is kept.
 *
 * <p>The rules are read from the deployed form the task shows ({@link FormOutputs}), so a process owner's new form
 * is checked the same way. Where Fordra declares the form ({@link TaskForm}, what its listeners show and read), the
 * answer may also set only the declared fields: a field a redeployed form added or renamed would be read by no one.
 * Attached to every user task by {@link EngineTaskRules}, before the model's own listeners.
 */
@Component
public class FormAnswerCheck implements TaskListener {

  private final Map<String, TaskForm> declared = new HashMap<>();

  public FormAnswerCheck(List<TaskForm> forms) {
    for (TaskForm form : forms) {
      if (declared.put(form.id(), form) != null) {
        throw new IllegalStateException("Form " + form.id() + " is declared twice");
      }
    }
  }

  @Override
  public void notify(DelegateTask task) {
    EngineCompletions.Submission submission = EngineCompletions.of(task.getId()).orElseThrow(() ->
        new FormAnswerRefused(null, List.of(new Violation("task " + task.getId(), "was completed past the task and"
            + " form services, which check every answer"))));
    FormOutputs form = formOf((TaskEntity) task);
    Map<String, Object> variables = new HashMap<>(task.getVariables());
    variables.putAll(submission.sent());
    List<Violation> violations = new ArrayList<>(form.check(
        new FormOutputs.Answer(submission.sent(), submission.before(), variables), feel()));
    violations.addAll(undeclared(form, submission.sent().keySet()));
    if (!violations.isEmpty()) {
      throw new FormAnswerRefused(form.formId(), violations);
    }
  }

  /**
   * Fields of the deployed form that Fordra's declaration of it does not name: an answer it does not ask for, or a
   * read-only field it does not show (none for a form Fordra does not declare).
   */
  List<Violation> undeclared(FormOutputs form, Collection<String> sent) {
    TaskForm declaration = form.formId() == null ? null : declared.get(form.formId());
    if (declaration == null) {
      return List.of();
    }
    return sent.stream().filter(name -> form.keys().contains(name)
            && !(form.inputs().contains(name) ? declaration.inputs() : declaration.keys()).contains(name))
        .map(name -> new Violation(name, "is not a field Fordra declares for form " + form.formId()
            + ", so nothing would read it"))
        .toList();
  }

  /** The Camunda Form the task shows in Tasklist; a task without one declares no fields. */
  private static FormOutputs formOf(TaskEntity task) {
    TaskDefinition definition = task.getTaskDefinition();
    if (definition == null
        || definition.getCamundaFormDefinitionKey() == null && definition.getFormKey() == null) {
      return FormOutputs.NONE;
    }
    CommandContext context = Context.getCommandContext();
    try (InputStream form = context.runWithoutAuthorization(() ->
        context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(task.getId()))) {
      return FormOutputs.read(form);
    } catch (BadUserRequestException e) {
      // No deployed Camunda Form (an embedded or external form key, or a form not found): nothing is declared.
      return FormOutputs.NONE;
    } catch (IOException e) {
      throw new ProcessEngineException("Cannot read the form of task " + task.getId() + ": " + e.getMessage(), e);
    }
  }

  /** The engine's FEEL (as in its decision tables), for the form's conditions and computed values. */
  private static FormOutputs.Expressions feel() {
    FeelEngine feel = Context.getProcessEngineConfiguration().getDmnEngineConfiguration().getFeelEngine();
    return (expression, variables) ->
        feel.evaluateSimpleExpression(expression, Variables.fromMap(variables).asVariableContext());
  }
}
