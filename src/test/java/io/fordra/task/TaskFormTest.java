package io.fordra.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fordra.process.ProcessVariable;
import io.fordra.kernel.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A form's declaration: what its context may hold, and what the completion check takes from it. */
class TaskFormTest {

  private static final ProcessVariable<String> PERIOD = ProcessVariable.of("period", String.class);
  private static final ProcessVariable<String> DECISION = ProcessVariable.of("reconciliationDecision", String.class);
  private static final ProcessVariable<String> COMMENT = ProcessVariable.of("reconciliationComment", String.class);

  /** review-reconciliation as Fordra would declare it without its figures, differences and comment. */
  private final TaskForm partly = new TaskForm("review-reconciliation", List.of(PERIOD), List.of(DECISION)) {};

  @Test
  void theContextTakesOnlyTheFormsFields() {
    assertThat(partly.values().put(PERIOD, "2026-10").put(DECISION, "ACCEPTED").asMap())
        .containsExactly(java.util.Map.entry("period", "2026-10"), java.util.Map.entry("reconciliationDecision",
            "ACCEPTED"));
    assertThatThrownBy(() -> partly.values().put(COMMENT, "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reconciliationComment is not a field of form review-reconciliation");
    assertThat(partly.inputs()).containsExactly("reconciliationDecision");
    assertThat(partly.keys()).containsExactly("period", "reconciliationDecision");
  }

  @Test
  void aFieldIsDeclaredOnce() {
    assertThatThrownBy(() -> new TaskForm("f", List.of(PERIOD), List.of(ProcessVariable.of("period", String.class))) {})
        .hasMessage("Form f declares period twice");
  }

  @Test
  void theCompletionCheckRefusesFormFieldsTheDeclarationDoesNotName() throws IOException {
    FormAnswerCheck check = new FormAnswerCheck(List.of(partly));
    FormOutputs form = form("review-reconciliation");

    assertThat(check.undeclared(form, Set.of("reconciliationDecision", "period"))).isEmpty();
    assertThat(check.undeclared(form, Set.of("reconciliationDecision", "reconciliationComment")))
        .containsExactly(new Violation("reconciliationComment", "is not a field Fordra declares for form "
            + "review-reconciliation, so nothing would read it"));
    assertThat(new FormAnswerCheck(List.of(new TaskForm("review-reconciliation", List.of(PERIOD, DECISION),
        List.of()) {})).undeclared(form, Set.of("reconciliationDecision", "period")))
        .as("an answer Fordra declares only as shown").extracting(Violation::field)
        .containsExactly("reconciliationDecision");
    assertThat(check.undeclared(form("match-payment"), Set.of("paymentAction")))
        .as("a form Fordra does not declare is checked by its own rules only").isEmpty();
    assertThatThrownBy(() -> new FormAnswerCheck(List.of(partly, partly)))
        .hasMessage("Form review-reconciliation is declared twice");
  }

  private static FormOutputs form(String formId) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("forms", formId + ".form"))) {
      return FormOutputs.read(in);
    }
  }
}
