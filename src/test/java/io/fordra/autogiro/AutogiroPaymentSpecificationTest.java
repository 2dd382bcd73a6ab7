package io.fordra.autogiro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.fordra.invoice.InvoiceService;
import io.fordra.kernel.FileRejected;
import io.fordra.payment.file.ParsedPaymentFile;
import io.fordra.payment.file.PaymentFileRejected;
import io.fordra.process.FordraClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payment specification read: every payment status code, and what makes a file refused whole. */
class AutogiroPaymentSpecificationTest {

  private static final LocalDate DAY = LocalDate.of(2026, 4, 1);
  private final AutogiroPaymentResults reader = new AutogiroPaymentResults(mock(DebitOrderRepository.class),
      mock(InvoiceService.class), mock(FailedDebits.class), mock(FordraClock.class), NOT_CONFIGURED);
  /** No fordra.autogiro.bankgiro: the file's opening record names the payee. */
  static final AutogiroProperties NOT_CONFIGURED = new AutogiroProperties(null, null, "", "", null, null);

  private PaymentSpecificationBuilder everyCode() {
    return new PaymentSpecificationBuilder("4711", "9912346")
        .debit("19710101123", "1250.00", DAY, "1234567897", '0')
        .debit("5", "99.50", DAY, "55555", '1')
        .debit("6", "10.00", DAY, "66666", '2')
        .debit("7", "20.00", DAY, "77777", '9')
        .debit("8", "30.00", DAY, "88888", '7');
  }

  @Test
  void aDebitForAnotherPayeesBankgiroIsKeptAside_notBooked() {
    List<String> records = new PaymentSpecificationBuilder("4711", "9912346")
        .debit("19710101123", "1250.00", DAY, "1234567897", '0')
        .debit("4730", "70.00", DAY, "10000180", '0').records();
    // The second debit names another payee's bankgiro (positions 44-53), in a file for 991-2346.
    String other = records.get(3);
    records.set(3, other.substring(0, 43) + "0056789123" + other.substring(53));
    byte[] file = (String.join("\r\n", records) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);

    ParsedPaymentFile parsed = reader.read(file);

    assertThat(parsed.payments()).extracting(p -> p.references().get(0)).containsExactly("1234567897");
    assertThat(parsed.aside()).singleElement().satisfies(a -> {
      assertThat(a.outcome()).isEqualTo(ParsedPaymentFile.Aside.Outcome.KEPT_ASIDE);
      assertThat(a.amount()).isEqualByComparingTo("70.00");
      assertThat(a.reason()).isEqualTo("Payer number 4730 (reference 10000180): the debit is for payee bankgiro "
          + "56789123, not Fordra's 9912346: kept aside for a person");
    });
    // Configured, Fordra's own bankgiro decides, whatever the opening record says.
    AutogiroPaymentResults configured = new AutogiroPaymentResults(mock(DebitOrderRepository.class),
        mock(InvoiceService.class), mock(FailedDebits.class), mock(FordraClock.class),
        new AutogiroProperties(null, null, "4711", "5678-9123", null, null));
    assertThat(configured.read(file).payments()).extracting(p -> p.references().get(0)).containsExactly("10000180");
  }

  @Test
  void approvedDebitsArePaymentsByTheirReference_theOthersAreSkippedWithTheirCodeInWords() {
    byte[] file = everyCode().build();
    assertThat(reader.reads(new String(file, 0, 80, StandardCharsets.ISO_8859_1))).isTrue();

    ParsedPaymentFile parsed = reader.read(file);

    assertThat(parsed.format()).isEqualTo(ParsedPaymentFile.Format.AUTOGIRO);
    assertThat(parsed.account()).isEqualTo("9912346");
    assertThat(parsed.payments()).singleElement().satisfies(p -> {
      assertThat(p.amount()).isEqualByComparingTo("1250.00");
      assertThat(p.currency()).isEqualTo("SEK");
      assertThat(p.bookingDate()).isEqualTo(DAY);
      assertThat(p.references()).containsExactly("1234567897");
      assertThat(p.location()).isEqualTo("line 3");
      assertThat(p.bankTransactionId()).isEqualTo("AUTOGIRO-0009912346-19710101123-2026-04-01-1234567897-125000");
    });
    assertThat(parsed.total()).isEqualByComparingTo("1250.00");
    assertThat(parsed.aside()).extracting(ParsedPaymentFile.Aside::reason).containsExactly(
        "Not debited from payer number 5 (reference 55555): insufficient funds (täckning saknas)",
        "Not debited from payer number 6 (reference 66666): no connection to Autogiro: the payer's account is closed "
            + "or the mandate is missing (koppling till Autogiro saknas, medgivande saknas)",
        "Not debited from payer number 7 (reference 77777): renewed funds: the bank tries the debit again on the "
            + "following banking days (förnyad täckning)",
        "Not debited from payer number 8 (reference 88888): not debited, payment status code 7");
    assertThat(parsed.aside()).allSatisfy(a -> assertThat(a.outcome())
        .isEqualTo(ParsedPaymentFile.Aside.Outcome.SKIPPED));
  }

  @Test
  void recordsWithoutTrailingBlanksAreRead() {
    List<String> records = everyCode().records().stream().map(String::stripTrailing).toList();

    ParsedPaymentFile parsed = reader.read((String.join("\n", records) + "\n").getBytes(StandardCharsets.ISO_8859_1));

    assertThat(parsed.payments()).hasSize(1);
    assertThat(parsed.aside()).hasSize(4);
  }

  @Test
  void aTruncatedFileIsRefusedWhole() {
    List<String> records = everyCode().records();
    byte[] truncated = String.join("\r\n", records.subList(0, records.size() - 1)).getBytes(
        StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> reader.read(truncated)).isInstanceOf(PaymentFileRejected.class)
        .satisfies(e -> assertThat(((FileRejected) e).problems()).extracting(FileRejected.Problem::reason)
            .contains("no closing record TK09: the file is truncated"));
  }

  @Test
  void aFileWhoseCountsOrAmountsDoNotAddUpIsRefusedWhole() {
    List<String> records = new ArrayList<>(everyCode().records());
    records.remove(4); // one TK82 less than TK15 and TK09 count
    assertThatThrownBy(() -> reader.read(String.join("\n", records).getBytes(StandardCharsets.ISO_8859_1)))
        .isInstanceOf(PaymentFileRejected.class).hasMessageContaining("")
        .satisfies(e -> assertThat(((FileRejected) e).problems()).extracting(FileRejected.Problem::reason)
            .contains("the deposit record announces 5 payment records, 4 follow",
                "the closing record counts 5 TK82 records, the file has 4"));

    List<String> corrupt = new ArrayList<>(everyCode().records());
    corrupt.set(2, corrupt.get(2).substring(0, 31) + "00000012x000" + corrupt.get(2).substring(43));
    assertThatThrownBy(() -> reader.read(String.join("\n", corrupt).getBytes(StandardCharsets.ISO_8859_1)))
        .isInstanceOf(PaymentFileRejected.class)
        .satisfies(e -> assertThat(((FileRejected) e).problems()).extracting(FileRejected.Problem::location)
            .contains("line 3"));
  }

  @Test
  void otherAutogiroFilesAndBgMaxAreNotPaymentSpecifications() {
    assertThat(reader.reads("01BGMAX               0120120914173035010331P")).isFalse();
    assertThat(reader.reads("0120260331AUTOGIRO" + " ".repeat(44) + "0047110009912346  ")).isFalse();
    assertThat(reader.reads("01AUTOGIRO              20260402          AG-MEDAVI")).isFalse();
  }
}
