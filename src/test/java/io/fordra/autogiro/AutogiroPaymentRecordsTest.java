package io.fordra.autogiro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payment file's records, field by field, against the positions of the Bg Autogiro Technical Manual. */
class AutogiroPaymentRecordsTest {

  private static final AutogiroPaymentRecords.Order ORDER = new AutogiroPaymentRecords.Order("19710101123",
      LocalDate.of(2026, 4, 1), new BigDecimal("1250.50"), "1234567897");

  /** Positions from and to, 1-based and inclusive, as the manual counts them. */
  private static String at(String record, int from, int to) {
    return record.substring(from - 1, to);
  }

  @Test
  void theOpeningRecordTk01() {
    String r = AutogiroPaymentRecords.opening(LocalDate.of(2026, 3, 31), "4711", "991-2346");

    assertThat(r).hasSize(80);
    assertThat(at(r, 1, 2)).isEqualTo("01");
    assertThat(at(r, 3, 10)).isEqualTo("20260331");
    assertThat(at(r, 11, 18)).isEqualTo("AUTOGIRO");
    assertThat(at(r, 19, 62)).isBlank().hasSize(44);
    assertThat(at(r, 63, 68)).as("customer number, zero-filled").isEqualTo("004711");
    assertThat(at(r, 69, 78)).as("bankgiro number, zero-filled").isEqualTo("0009912346");
    assertThat(at(r, 79, 80)).isEqualTo("  ");
  }

  @Test
  void thePaymentRecordTk82() {
    String r = AutogiroPaymentRecords.payment(ORDER, "9912346");

    assertThat(r).hasSize(80);
    assertThat(at(r, 1, 2)).isEqualTo("82");
    assertThat(at(r, 3, 10)).isEqualTo("20260401");
    assertThat(at(r, 11, 11)).as("period code: once").isEqualTo("0");
    assertThat(at(r, 12, 15)).as("no self-renewing payments; blank").isEqualTo("    ");
    assertThat(at(r, 16, 31)).as("payer number").isEqualTo("0000019710101123");
    assertThat(at(r, 32, 43)).as("amount in öre").isEqualTo("000000125050");
    assertThat(at(r, 44, 53)).isEqualTo("0009912346");
    assertThat(at(r, 54, 69)).as("reference, left-justified").isEqualTo("1234567897      ");
    assertThat(at(r, 70, 80)).isBlank().hasSize(11);
  }

  @Test
  void theCancellationRecordTk23() {
    String r = AutogiroPaymentRecords.cancellation(ORDER, "9912346");

    assertThat(r).hasSize(80);
    assertThat(at(r, 1, 2)).isEqualTo("23");
    assertThat(at(r, 3, 12)).isEqualTo("0009912346");
    assertThat(at(r, 13, 28)).isEqualTo("0000019710101123");
    assertThat(at(r, 29, 36)).isEqualTo("20260401");
    assertThat(at(r, 37, 48)).isEqualTo("000000125050");
    assertThat(at(r, 49, 50)).as("the payment type: a withdrawal from the payer").isEqualTo("82");
    assertThat(at(r, 51, 58)).as("no new date: cancelled").isBlank();
    assertThat(at(r, 59, 74)).isEqualTo("1234567897      ");
    assertThat(at(r, 75, 80)).isBlank();
  }

  @Test
  void aFileHasASectionEachForPaymentsAndCancellations_crLf_iso88591() {
    byte[] file = AutogiroPaymentRecords.file(LocalDate.of(2026, 3, 31), "4711", "9912346", List.of(ORDER,
        new AutogiroPaymentRecords.Order("5", LocalDate.of(2026, 4, 2), new BigDecimal("0.01"), "Ö-12")),
        List.of(ORDER));

    String text = new String(file, StandardCharsets.ISO_8859_1);
    List<String> records = List.of(text.split("\r\n"));
    assertThat(text).endsWith("\r\n");
    assertThat(records).extracting(r -> r.substring(0, 2)).containsExactly("01", "82", "82", "01", "23");
    assertThat(records).allSatisfy(r -> assertThat(r).hasSize(80));
    assertThat(file).hasSize(5 * 82);
    assertThat(at(records.get(2), 32, 43)).isEqualTo("000000000001");
    // One byte per character, as ISO-8859-1 writes it.
    assertThat(file[82 * 2 + 53]).isEqualTo((byte) 0xD6);
  }

  @Test
  void whatDoesNotFitTheLayoutIsRefusedNotCutOrRounded() {
    assertThatThrownBy(() -> AutogiroPaymentRecords.payment(new AutogiroPaymentRecords.Order("12", ORDER.paymentDate(),
        new BigDecimal("10.005"), "1"), "9912346")).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> AutogiroPaymentRecords.payment(new AutogiroPaymentRecords.Order("12", ORDER.paymentDate(),
        BigDecimal.ZERO, "1"), "9912346")).hasMessageContaining("0.01 to");
    assertThatThrownBy(() -> AutogiroPaymentRecords.payment(new AutogiroPaymentRecords.Order("12345678901234567",
        ORDER.paymentDate(), BigDecimal.ONE, "1"), "9912346")).hasMessageContaining("payer number");
    assertThatThrownBy(() -> AutogiroPaymentRecords.payment(new AutogiroPaymentRecords.Order("12",
        ORDER.paymentDate(), BigDecimal.ONE, "12345678901234567"), "9912346")).hasMessageContaining("longer than 16");
    assertThat(AutogiroPaymentRecords.isPayerNumber("19710101-123")).isFalse();
    assertThat(AutogiroPaymentRecords.isReference("12345678901234567")).isFalse();
  }
}
