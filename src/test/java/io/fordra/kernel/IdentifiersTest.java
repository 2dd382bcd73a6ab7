package io.fordra.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for invoice, customer and article numbers. */
class IdentifiersTest {

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"1", "F-2026-0001", "C_1001", "KONS.01", "a.b_c-d", "Z9",
      "1234567890123456789012345678901234567890"})
  void valid(String number) {
    assertThat(Identifiers.isValid(number)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"", " ", "F/2026/1", "F\\1", "-F", "F-", ".F", "F.", "_F", "F_", "F..1", "..", ".",
      "F;1", "F%2F1", "F 1", " F1", "F1 ", "FÖ1", "F\u00001", "F\n1", "F?1", "F#1", "F+1",
      "12345678901234567890123456789012345678901"})
  void invalid(String number) {
    assertThat(Identifiers.isValid(number)).isFalse();
  }

  @Test
  void theProblemQuotesTheNumberCutWhenLongAndStatesTheRule() {
    assertThat(Identifiers.problem("F/1")).isEqualTo("'F/1' is not a valid number: a number is 1-40 ASCII letters, "
        + "digits, '-', '_' and '.', begins and ends with a letter or digit and has no '..'");
    assertThat(Identifiers.problem("x".repeat(1000)))
        .isEqualTo("'" + "x".repeat(100) + "…' is not a valid number: " + Identifiers.RULE);
  }
}
