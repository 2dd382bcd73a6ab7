package io.fordra.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  private static final char NBSP = '\u00a0';

  /** Expected values are written with '_' for the no-break space U+00A0. */
  @ParameterizedTest(name = "sv {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "0|0,00",
      "1|1,00",
      "12.5|12,50",
      "999.99|999,99",
      "1000|1_000,00",
      "12345.5|12_345,50",
      "1234567.89|1_234_567,89",
      "999999999999.99|999_999_999_999,99",
      "0.005|0,01",
      "0.004|0,00",
      "2.345|2,35",
      "2.355|2,36",
      "2.3449|2,34",
      "1234.565|1_234,57",
      "999.995|1_000,00",
      "-1234.5|-1_234,50",
      "-0.005|-0,01",
      "-0.004|0,00",
      "100.0000|100,00"})
  void swedish(String amount, String expected) {
    assertThat(Money.format(new BigDecimal(amount), "sv")).isEqualTo(expected.replace('_', NBSP));
  }

  @ParameterizedTest(name = "nb {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "0|0,00",
      "1250|1_250,00",
      "12345.5|12_345,50",
      "1234567.891|1_234_567,89",
      "0.125|0,13",
      "-35|-35,00"})
  void norwegian(String amount, String expected) {
    assertThat(Money.format(new BigDecimal(amount), "nb")).isEqualTo(expected.replace('_', NBSP));
  }

  @ParameterizedTest(name = "en {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "0|0.00",
      "1|1.00",
      "999.99|999.99",
      "1000|1,000.00",
      "12345.5|12,345.50",
      "1234567.89|1,234,567.89",
      "0.005|0.01",
      "2.345|2.35",
      "1234.565|1,234.57",
      "999.995|1,000.00",
      "-1234.5|-1,234.50",
      "-0.005|-0.01"})
  void english(String amount, String expected) {
    assertThat(Money.format(new BigDecimal(amount), "en")).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void swedishAndNorwegianUseNoBreakSpaceNotAnOrdinarySpace() {
    String sv = Money.format(new BigDecimal("12345.50"), "sv");
    assertThat(sv).contains(String.valueOf(NBSP)).doesNotContain(" ").doesNotContain("\u202f").contains(",")
        .doesNotContain(".");
    String nb = Money.format(new BigDecimal("12345.50"), "nb");
    assertThat(nb).isEqualTo(sv);
  }

  @org.junit.jupiter.api.Test
  void englishUsesCommaThousandsAndPointDecimals() {
    assertThat(Money.format(new BigDecimal("12345.50"), "en")).isEqualTo("12,345.50")
        .doesNotContain(String.valueOf(NBSP));
  }

  @org.junit.jupiter.api.Test
  void doesNotChangeTheAmountItFormats() {
    BigDecimal amount = new BigDecimal("1234.565");
    Money.format(amount, "sv");
    assertThat(amount).isEqualByComparingTo("1234.565");
    assertThat(amount.scale()).isEqualTo(3);
  }

  /** A quantity beside the amounts uses their separators: "7.5" beside "1 200,00" read as two conventions. */
  @ParameterizedTest(name = "{1} {0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "7.5|sv|7,5",
      "7.500|nb|7,5",
      "1200|sv|1_200",
      "8.000|sv|8",
      "0.125|sv|0,125",
      "0.1255|sv|0,126",
      "-2.25|nb|-2,25",
      "7.5|en|7.5",
      "1200.25|en|1,200.25"})
  void quantities(String quantity, String language, String expected) {
    assertThat(Money.quantity(new BigDecimal(quantity), language)).isEqualTo(expected.replace('_', NBSP));
  }
}
