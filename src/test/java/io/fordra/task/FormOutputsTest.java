package io.fordra.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.kernel.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The six forms' answers as FormOutputs reads them from forms/*.form (with the engine's FEEL for their conditions):
 * what each form takes, and what it refuses.
 */
class FormOutputsTest {

  private static final FeelEngine FEEL = new ScalaFeelEngine(List.of());
  private static final FormOutputs.Expressions EXPRESSIONS =
      (expression, variables) -> FEEL.evaluateSimpleExpression(expression, Variables.fromMap(variables).asVariableContext());

  @Test
  void eachFormTakesAValidAnswer() {
    assertThat(check("review-dunning", Map.of("reviewDecision", "POSTPONE", "postponeDays", 10L,
        "reviewComment", "salary on the 5th"))).isEmpty();
    assertThat(check("review-dunning", Map.of("reviewDecision", "CONTINUE"))).isEmpty();
    assertThat(check("respond-to-objection", Map.of("objectionDecision", "ACCEPT_PARTIAL", "creditAmount", 125.5,
        "replyText", "We credit one hour."))).isEmpty();
    assertThat(check("decide-disputed-claim", Map.of("disputedClaimDecision", "CLOSE",
        "decisionComment", "too small to pursue"))).isEmpty();
    assertThat(check("correct-distribution-deviation", Map.of("deviationAction", "SEND", "requestedChannel",
        "EINVOICE", "correctedEmail", "", "correctedStreet", "", "correctedPostalCode", "", "correctedCity", "",
        "deviationComment", ""))).isEmpty();
    assertThat(check("correct-distribution-deviation", Map.of("deviationAction", "DO_NOT_SEND",
        "deviationComment", "will call them"))).isEmpty();
    assertThat(check("match-payment", Map.of("paymentAction", "MATCH", "invoiceNumbers", "F-1, F-2"))).isEmpty();
    assertThat(check("match-payment", Map.of("paymentAction", "UNALLOCATED", "matchComment", "prepayment")))
        .isEmpty();
    assertThat(check("review-reconciliation", Map.of("reconciliationDecision", "ACCEPTED",
        "reconciliationComment", "rounding"))).isEmpty();
  }

  @Test
  void aVariableTheFormDoesNotHaveIsRefused() {
    assertThat(check("respond-to-objection", Map.of("objectionDecision", "REJECT", "replyText", "No.",
        "handedOff", true))).containsExactly(
        new Violation("handedOff", "is not a field of form respond-to-objection"));
    assertThat(FormOutputs.NONE.check(new FormOutputs.Answer(Map.of("x", 1), Map.of(), Map.of()), EXPRESSIONS))
        .extracting(Violation::field).containsExactly("x");
  }

  @Test
  void optionsRangesAndLengthsAreTheForms() {
    assertThat(check("review-dunning", Map.of("reviewDecision", "FORGIVE"))).extracting(Violation::message)
        .containsExactly("is \"FORGIVE\", not one of CONTINUE, POSTPONE, HAND_OFF");
    assertThat(check("review-dunning", Map.of("reviewDecision", "POSTPONE", "postponeDays", 91)))
        .containsExactly(new Violation("postponeDays", "must be at most 90"));
    assertThat(check("review-dunning", Map.of("reviewDecision", "POSTPONE", "postponeDays", 2.5)))
        .containsExactly(new Violation("postponeDays", "must be a whole number"));
    assertThat(check("review-dunning", Map.of("reviewDecision", "POSTPONE", "postponeDays", "10")))
        .containsExactly(new Violation("postponeDays", "must be a number"));
    assertThat(check("respond-to-objection", Map.of("objectionDecision", "ACCEPT_PARTIAL", "creditAmount", 0,
        "replyText", "ok"))).containsExactly(new Violation("creditAmount", "must be at least 0.01"));
    assertThat(check("review-reconciliation", Map.of("reconciliationDecision", "ACCEPTED",
        "reconciliationComment", "x".repeat(2001))))
        .containsExactly(new Violation("reconciliationComment", "must have at most 2000 characters"));
    assertThat(check("decide-disputed-claim", Map.of("disputedClaimDecision", List.of("CLOSE"),
        "decisionComment", "y"))).extracting(Violation::field).containsExactly("disputedClaimDecision");
  }

  @Test
  void textWithTheNulCharacterIsRefused() {
    // A refusal reason with NUL (engine REST takes "\u0000") went into the plan, its letter and the portal page;
    // PostgreSQL cannot store it in text at all.
    assertThat(check("review-reconciliation", Map.of("reconciliationDecision", "ACCEPTED",
        "reconciliationComment", "rounding\u0000")))
        .containsExactly(new Violation("reconciliationComment", "must not contain the NUL character (\\u0000)"));
  }

  @Test
  void requiredFieldsAreRequiredOnlyWhereTheFormShowsThem() {
    // A ticked suggestion or a typed number both name an invoice: neither field is required on its own (the
    // completion refuses a match that names no invoice at all, see MatchPaymentTest).
    assertThat(check("match-payment", Map.of("paymentAction", "MATCH"))).isEmpty();
    assertThat(check("match-payment", Map.of())).containsExactly(new Violation("paymentAction", "is required"));
    assertThat(check("review-dunning", Map.of("reviewDecision", "POSTPONE")))
        .containsExactly(new Violation("postponeDays", "is required"));
  }

  @Test
  void hiddenFieldsAreNotTaken() {
    assertThat(check("match-payment", Map.of("paymentAction", "UNALLOCATED", "matchComment", "refund",
        "invoiceNumbers", "F-1"))).containsExactly(
        new Violation("invoiceNumbers", "is not asked for here (the form hides it)"));
    Map<String, Object> emptyHidden = new HashMap<>(Map.of("reviewDecision", "CONTINUE"));
    emptyHidden.put("postponeDays", null);
    assertThat(check("review-dunning", emptyHidden)).isEmpty();
  }

  @Test
  void readOnlyFieldsMayOnlyComeBackAsTheyWereShown() throws IOException {
    FormOutputs form = form("respond-to-objection");
    Map<String, Object> sent = Map.of("objectionDecision", "REJECT", "replyText", "No.", "invoiceNumber", "F-1",
        "receivedAt", "");
    Map<String, Object> shown = Map.of("invoiceNumber", "F-1");
    assertThat(form.check(new FormOutputs.Answer(sent, shown, sent), EXPRESSIONS)).isEmpty();
    assertThat(form.check(new FormOutputs.Answer(sent, Map.of("invoiceNumber", "F-2"), sent), EXPRESSIONS))
        .containsExactly(new Violation("invoiceNumber", "is read-only in the form"));
    assertThat(form.inputs()).containsExactly("objectionDecision", "creditAmount", "replyText");
  }

  private static List<Violation> check(String formId, Map<String, Object> sent) {
    try {
      return form(formId).check(new FormOutputs.Answer(sent, Map.of(), sent), EXPRESSIONS);
    } catch (IOException e) {
      throw new AssertionError(formId, e);
    }
  }

  private static FormOutputs form(String formId) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("forms", formId + ".form"))) {
      return FormOutputs.read(in);
    }
  }
}
