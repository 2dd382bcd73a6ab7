package io.fordra.task;

import io.fordra.kernel.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A completion whose variables do not fit the task's form: nothing of it is kept. The engine's own form validation
 * exception, so engine REST answers 400 ("Cannot complete task …: …") and Tasklist shows the message.
 */
public class FormAnswerRefused extends FormFieldValidationException {

  private final transient List<Violation> violations;

  public FormAnswerRefused(String formId, List<Violation> violations) {
    super(List.copyOf(violations), (formId == null ? "The answer" : "The answer does not fit form " + formId) + ": "
        + violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
