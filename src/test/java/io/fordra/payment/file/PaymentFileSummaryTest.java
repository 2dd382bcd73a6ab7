package io.fordra.payment.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.kernel.ImportProgress;
import io.fordra.payment.file.PaymentFileSummary.AsideCount;
import io.fordra.payment.file.PaymentFileSummary.Note;
import io.fordra.payment.file.PaymentFileSummary.NoteKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the summary's one line says about entries not booked, and how a note is kept when the file's values do not fit. */
class PaymentFileSummaryTest {

  private static final PaymentFileSummary BOOKED = new PaymentFileSummary(7, "camt.xml",
      ParsedPaymentFile.Format.CAMT054, "SE45", PaymentFileSummary.Status.DONE, 1, new BigDecimal("100.00"), 1,
      PaymentFileSummary.Tally.none(), Instant.parse("2026-11-03T08:00:00Z"), null, false, ImportProgress.UNKNOWN);

  @Test
  void describeSaysWhatWasKeptAsideAndSkippedAndWhy_eachReasonOnce() {
    PaymentFileSummary summary = BOOKED.withNotes(
        new AsideCount(2, Map.of("CHF", new BigDecimal("99.50"))),
        new AsideCount(1, Map.of("SEK", new BigDecimal("2000.00"), "EUR", new BigDecimal("5.00"))),
        List.of("control sums counted as the Finnish banks count them"),
        List.of(new Note(1, NoteKind.KEPT_ASIDE, "Ntry[2]", new BigDecimal("75.00"), "CHF", "E2E-2", "currency CHF"),
            new Note(2, NoteKind.KEPT_ASIDE, "Ntry[3]", new BigDecimal("24.50"), "CHF", "E2E-3", "currency CHF"),
            new Note(3, NoteKind.SKIPPED, "Ntry[4]", new BigDecimal("2000.00"), "SEK", null, "outgoing (DBIT)")),
        0, null);

    assertThat(summary.describe()).isEqualTo("camt.xml (CAMT054, 1 payments, 100.00): matched 0 / 0.00, partly "
        + "matched 0 / 0.00, unmatched 0 / 0.00, duplicates 0 / 0.00; kept aside 2 / 99.50 CHF (currency CHF); "
        + "skipped 1 / 5.00 EUR + 2000.00 SEK (outgoing (DBIT)); remarks: control sums counted as the Finnish banks "
        + "count them");
    assertThat(BOOKED.describe()).as("a file with nothing aside reads as before").doesNotContain("kept aside", "skipped",
        "remarks");
  }

  @Test
  void describeIsBoundedWhateverTheFileHolds() {
    PaymentFileSummary summary = BOOKED.withNotes(AsideCount.none(), new AsideCount(1, Map.of()),
        List.of("x".repeat(5000)), List.of(), 0, null);
    assertThat(summary.describe()).hasSize(PaymentFileSummary.DESCRIBE_MAX).endsWith("…");
  }

  @Test
  void aNoteKeepsInItsReasonWhatDoesNotFitItsColumns() {
    Note odd = PaymentFileRepository.fitted(3, NoteKind.KEPT_ASIDE, "Ntry[9]".repeat(50),
        new BigDecimal("12.34567"), "chf?", "T".repeat(150), "currency chf? is not one Fordra invoices in");
    assertThat(odd.amount()).isNull();
    assertThat(odd.currency()).isNull();
    assertThat(odd.bankTransactionId()).isNull();
    assertThat(odd.location()).hasSize(200);
    assertThat(odd.reason()).contains("(amount as the file gives it: 12.34567)", "(currency as the file gives it: "
        + "'chf?')", "(bank transaction id: " + "T".repeat(150) + ")");

    Note plain = PaymentFileRepository.fitted(1, NoteKind.SKIPPED, "line 4", new BigDecimal("1.250"), "BHD", "B-1",
        "outgoing");
    assertThat(plain).isEqualTo(new Note(1, NoteKind.SKIPPED, "line 4", new BigDecimal("1.250"), "BHD", "B-1",
        "outgoing"));
    assertThat(PaymentFileRepository.fitted(1, NoteKind.REMARK, "file", null, null, null, "y".repeat(3000)).reason())
        .hasSize(1000);
  }
}
