package io.fordra.autogiro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mandate file against the layout of "Bg Autogiro technical manual" (mandate file, TK01 and TK03-TK05), field by
 * field at the manual's positions (1-based, as the manual counts).
 */
class MandateFileWriterTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  private static String field(String record, int from, int to) {
    return record.substring(from - 1, to);
  }

  private static List<String> records(byte[] file) {
    String text = new String(file, StandardCharsets.ISO_8859_1);
    assertThat(text).endsWith("\r\n");
    return List.of(text.split("\r\n"));
  }

  @Test
  void theOpeningRecordTk01() {
    String r = records(MandateFileWriter.write(DAY, "471117", "50501055", List.of())).get(0);
    assertThat(r).hasSize(80);
    assertThat(field(r, 1, 2)).isEqualTo("01");
    assertThat(field(r, 3, 10)).isEqualTo("20260302");
    assertThat(field(r, 11, 18)).isEqualTo("AUTOGIRO");
    assertThat(field(r, 19, 62)).isBlank().hasSize(44);
    assertThat(field(r, 63, 68)).isEqualTo("471117");
    assertThat(field(r, 69, 78)).isEqualTo("0050501055");
    assertThat(field(r, 79, 80)).isEqualTo("  ");
  }

  @Test
  void aNewMandateTk04_withAccountAndPersonnummer() {
    String r = records(MandateFileWriter.write(DAY, "471117", "50501055", List.of(new MandateFileWriter.Entry(
        Mandate.PendingAction.NEW, "4711", "5000000001234567", "197001011233")))).get(1);
    assertThat(r).hasSize(80);
    assertThat(field(r, 1, 2)).isEqualTo("04");
    assertThat(field(r, 3, 12)).isEqualTo("0050501055");
    assertThat(field(r, 13, 28)).isEqualTo("0000000000004711");
    assertThat(field(r, 29, 32)).isEqualTo("5000");
    assertThat(field(r, 33, 44)).isEqualTo("000001234567");
    assertThat(field(r, 45, 56)).isEqualTo("197001011233");
    assertThat(field(r, 57, 76)).isBlank().hasSize(20);
    assertThat(field(r, 77, 78)).isEqualTo("  ");   // "AV" would refuse an internet-bank mandate
    assertThat(field(r, 79, 80)).isEqualTo("  ");
  }

  @Test
  void aCancellationTk03() {
    String r = records(MandateFileWriter.write(DAY, "471117", "50501055", List.of(new MandateFileWriter.Entry(
        Mandate.PendingAction.CANCEL, "197001011233", null, null)))).get(1);
    assertThat(r).hasSize(80);
    assertThat(field(r, 1, 2)).isEqualTo("03");
    assertThat(field(r, 3, 12)).isEqualTo("0050501055");
    assertThat(field(r, 13, 28)).isEqualTo("0000197001011233");
    assertThat(field(r, 29, 80)).isBlank().hasSize(52);
  }

  @Test
  void everyRecordIs80CharactersInIso88591_inTheOrderGiven() {
    byte[] file = MandateFileWriter.write(DAY, "471117", "50501055", List.of(
        new MandateFileWriter.Entry(Mandate.PendingAction.NEW, "1", "9900000001234566", "005560360793"),
        new MandateFileWriter.Entry(Mandate.PendingAction.CANCEL, "2", null, null)));
    List<String> records = records(file);
    assertThat(records).hasSize(3).allSatisfy(r -> assertThat(r).hasSize(80));
    assertThat(records).extracting(r -> r.substring(0, 2)).containsExactly("01", "04", "03");
    assertThat(file).hasSize(3 * 82);
    assertThat(new String(file, StandardCharsets.ISO_8859_1)).isEqualTo(new String(file, StandardCharsets.US_ASCII));
    assertThat(DateTimeFormatter.BASIC_ISO_DATE.format(DAY)).isEqualTo(records.get(0).substring(2, 10));
  }

  @Test
  void aFieldThatDoesNotFitIsRefusedNotCut() {
    assertThatThrownBy(() -> MandateFileWriter.write(DAY, "471117", "50501055", List.of(new MandateFileWriter.Entry(
        Mandate.PendingAction.CANCEL, "12345678901234567", null, null))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
