package io.fordra.payment.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fordra.kernel.FileRejected;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nets OCR giro transmissions: every record type and transaction type, counts and sums, corrupt files refused. */
class OcrGiroReaderTest {

  private final OcrGiroReader reader = new OcrGiroReader();

  private static OcrGiroFile twoAssignments() {
    return new OcrGiroFile()
        .assignment()
        .payment("10", "0000531", 102000, "975960160", "99991005524", null)
        .payment("15", "100018", 56000)                       // AvtaleGiro debit
        .payment("17", "100026", 12050, "000000000", "00000000000", null) // cash: no debited account
        .payment("21", "", 30000, "123456789", "12345678903", "Faktura 100034 mars")  // online bank with message
        .endAssignment()
        .assignment()
        .payment("19", "100042", 25000)
        .payment("18", "100042", -25000)                      // its reversal
        .payment("11", "100059", 99)
        .endAssignment();
  }

  @Test
  void everyTransactionTypeAndRecordTypeIsRead_withKidAmountDateAccountAndArchiveReference() {
    ParsedPaymentFile file = reader.read(twoAssignments().build());

    assertThat(file.format()).isEqualTo(ParsedPaymentFile.Format.OCR_GIRO);
    assertThat(file.account()).isEqualTo("9999.10.42764");
    assertThat(file.payments()).hasSize(7);
    assertThat(file.total()).isEqualByComparingTo("2001.49");
    assertThat(file.aside()).isEmpty();
    assertThat(file.remarks()).isEmpty();

    BankPayment giro = file.payments().get(0);
    assertThat(giro.bankTransactionId()).isEqualTo("NETS001008566-0001001-0000001-975960160");
    assertThat(giro.amount()).isEqualByComparingTo("1020.00").hasScaleOf(2);
    assertThat(giro.currency()).isEqualTo("NOK");
    assertThat(giro.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(giro.references()).containsExactly("0000531");
    assertThat(giro.payerAccount()).isEqualTo("9999.10.05524");
    assertThat(giro.location()).isEqualTo("line 3");
    assertThat(giro.remittanceText()).isNull();

    BankPayment avtaleGiro = file.payments().get(1);
    assertThat(avtaleGiro.bankTransactionId()).isEqualTo("NETS001008566-0001001-0000002");
    assertThat(avtaleGiro.references()).containsExactly("100018");
    assertThat(file.payments().get(2).payerAccount()).as("cash: no debited account").isNull();

    BankPayment withMessage = file.payments().get(3);
    assertThat(withMessage.references()).as("blank KID").isEmpty();
    assertThat(withMessage.remittanceText()).isEqualTo("Faktura 100034 mars");
    assertThat(withMessage.payerAccount()).isEqualTo("1234.56.78903");
    assertThat(file.payments().get(4).location()).isEqualTo("line 14");

    BankPayment reversal = file.payments().get(5);
    assertThat(reversal.amount()).isEqualByComparingTo("-250.00");
    assertThat(reversal.bankTransactionId()).isEqualTo("NETS001008566-0001002-0000002");
    assertThat(file.payments().get(6).amount()).isEqualByComparingTo("0.99");
  }

  @Test
  void theSameTransactionInAnotherFileHasTheSameId() {
    List<String> first = reader.read(twoAssignments().build()).payments().stream()
        .map(BankPayment::bankTransactionId).toList();
    List<String> again = reader.read(twoAssignments().settlement(LocalDate.of(2026, 11, 25)).build()).payments()
        .stream().map(BankPayment::bankTransactionId).toList();
    assertThat(again).isEqualTo(first).doesNotHaveDuplicates();
  }

  @Test
  void anAvtaleGiroAgreementAssignmentInTheTransmissionIsCountedButIsNoPayment() {
    byte[] file = new OcrGiroFile().assignment().payment("10", "100018", 50000).endAssignment()
        .agreements(new String[] {"1", "100018", "J"}, new String[] {"2", "100026", "N"}).build();
    ParsedPaymentFile parsed = reader.read(file);
    assertThat(parsed.payments()).singleElement().extracting(BankPayment::amount).isEqualTo(
        new java.math.BigDecimal("500.00"));
    assertThat(parsed.remarks()).singleElement().asString().contains("AvtaleGiro").contains("fordra.avtalegiro.inbox");
  }

  @Test
  void endRecordSumsThatCountReversalsAsPositiveAreReadWithARemark() {
    OcrGiroFile f = new OcrGiroFile().assignment().payment("19", "100042", 25000).payment("18", "100042", -25000)
        .endAssignment(2, 6, 50000);
    ParsedPaymentFile parsed = reader.read(f.text(2, 8, 50000).getBytes(StandardCharsets.ISO_8859_1));
    assertThat(parsed.total()).isEqualByComparingTo("0.00");
    assertThat(parsed.remarks()).singleElement().asString().contains("reversals as positive");
  }

  @Test
  void crlfNoLineBreaksAndAByteOrderMarkAreRead() {
    String text = twoAssignments().text();
    assertThat(reader.read(text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1)).payments()).hasSize(7);
    assertThat(reader.read(text.replace("\n", "").getBytes(StandardCharsets.ISO_8859_1)).remarks())
        .singleElement().asString().contains("no line breaks");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] withBom = new byte[bom.length + text.length()];
    System.arraycopy(bom, 0, withBom, 0, bom.length);
    System.arraycopy(text.getBytes(StandardCharsets.ISO_8859_1), 0, withBom, bom.length, text.length());
    assertThat(reader.read(withBom).payments()).as("a UTF-8 byte order mark an editor added").hasSize(7);
  }

  @Test
  void aTransmissionWithoutItsEndRecordIsRefusedAsCutShort() {
    String text = twoAssignments().text();
    String cut = text.substring(0, text.lastIndexOf("NY000089"));
    assertThat(problems(cut)).anySatisfy(p -> assertThat(p).contains("cut short"));
    String cutInAssignment = text.substring(0, text.lastIndexOf("NY090088"));
    assertThat(problems(cutInAssignment)).anySatisfy(p -> assertThat(p).contains("no end record (88)"));
  }

  @Test
  void countsAndSumsThatDoNotMatchRefuseTheFileWhole() {
    OcrGiroFile wrongAssignment = new OcrGiroFile().assignment().payment("10", "100018", 50000)
        .endAssignment(2, 5, 50000);
    assertThat(problems(wrongAssignment.text(1, 6, 50000)))
        .containsExactly("line 5: end record says 2 transactions, the assignment from line 2 has 1",
            "line 5: end record says 5 records, the assignment from line 2 has 4");
    OcrGiroFile sum = new OcrGiroFile().assignment().payment("10", "100018", 50000).endAssignment(1, 4, 50001);
    assertThat(problems(sum.text(1, 6, 50001))).containsExactly(
        "line 5: end record says the amounts sum to 500.01, the assignment from line 2 sums to 500.00",
        "line 6: end record says the amounts sum to 500.01, the file sums to 500.00");
    OcrGiroFile good = new OcrGiroFile().assignment().payment("10", "100018", 50000).endAssignment();
    assertThat(problems(good.text(1, 7, 50000)))
        .containsExactly("line 6: end record says 7 records, the file has 6");
  }

  @Test
  void corruptRecordsAreRefusedWithTheirLines() {
    String text = twoAssignments().text();
    List<String> lines = new ArrayList<>(List.of(text.split("\n")));
    lines.set(2, lines.get(2).substring(0, 40) + "X" + lines.get(2).substring(41));  // letter in the amount
    lines.set(4, lines.get(4).substring(0, 60) + " ");                               // cut short
    lines.add(5, "NY0910990000001" + "0".repeat(65));                                  // unknown record type
    assertThat(problems(String.join("\n", lines)))
        .anySatisfy(p -> assertThat(p).startsWith("line 3: amount (positions 33-49)"))
        .anySatisfy(p -> assertThat(p).startsWith("line 5: record is 61 characters long"))
        .anySatisfy(p -> assertThat(p).startsWith("line 6: unknown record type '99'"));
    assertThat(problems("NY090020" + "0".repeat(72) + "\n")).anySatisfy(
        p -> assertThat(p).contains("first record must be the start of transmission"));
    assertThat(problems(text + "NY000010" + "0".repeat(72) + "\n")).anySatisfy(
        p -> assertThat(p).contains("after the end of transmission"));
  }

  @Test
  void aRecordCutShortInsideItsFieldsIsRefused_onlyItsFillerMayHaveBeenTrimmed() {
    String text = new OcrGiroFile().assignment().payment("10", "100018", 50000).endAssignment().text();
    List<String> lines = new ArrayList<>(List.of(text.split("\n")));
    String item2 = lines.get(3);
    lines.set(3, item2.substring(0, 30));   // the archive reference and the debited account cut off
    assertThat(problems(String.join("\n", lines))).contains("line 4: record cut short: 30 characters, but "
        + "record type 31 has fields up to position 58 (of 80)");
    lines.set(3, item2.substring(0, 58));   // only the filler gone, as a bank that trims blanks writes it
    assertThat(reader.read(String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1)).payments()).hasSize(1);
  }

  @Test
  void aPaymentWithoutItsSecondAmountItemIsRefused() {
    String text = new OcrGiroFile().assignment().payment("10", "100018", 50000).endAssignment().text();
    List<String> lines = new ArrayList<>(List.of(text.split("\n")));
    lines.remove(3);
    assertThat(problems(String.join("\n", lines)))
        .anySatisfy(p -> assertThat(p).contains("transaction 0000001 has no amount item 2 (31)"));
  }

  @Test
  void anUnknownKidIsReadAsAPaymentForTheMatcherToKeepForAPerson() {
    ParsedPaymentFile parsed = reader.read(new OcrGiroFile().assignment().payment("10", "99999999999", 41000)
        .endAssignment().build());
    assertThat(parsed.payments()).singleElement().satisfies(p -> {
      assertThat(p.references()).containsExactly("99999999999");
      assertThat(p.amount()).isEqualByComparingTo("410.00");
    });
  }

  /** examples/OCR-20261204.txt, written by scripts/stubs/ocr_giro_file.py, reads as the bank's file would. */
  @Test
  void theExampleFileOfTheStubScriptIsRead() throws Exception {
    ParsedPaymentFile file = reader.read(java.nio.file.Files.readAllBytes(
        java.nio.file.Path.of("examples/OCR-20261204.txt")));
    assertThat(file.payments()).extracting(p -> p.references().get(0) + " " + p.amount().toPlainString())
        .containsExactly("1000072 1250.00", "1000080 99.50", "99999999999 410.00");
    assertThat(file.payments()).allSatisfy(p -> assertThat(p.bookingDate()).isEqualTo(LocalDate.of(2026, 12, 4)));
    assertThat(file.total()).isEqualByComparingTo("1759.50");
  }

  private List<String> problems(String text) {
    try {
      reader.read(text.getBytes(StandardCharsets.ISO_8859_1));
    } catch (FileRejected e) {
      return e.problems().stream().map(FileRejected.Problem::toString).toList();
    }
    throw new AssertionError("the file was not refused");
  }
}
