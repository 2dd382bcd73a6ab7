package io.fordra.invoice.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyChar;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.customer.CustomerService;
import io.fordra.database.NaturalKeys;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.file.InvoiceFileSummary.Mode;
import io.fordra.invoice.file.InvoiceFileSummary.Source;
import io.fordra.invoice.file.InvoiceFileSummary.Status;
import io.fordra.kernel.FileRejected;
import io.fordra.process.FordraClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/**
 * Receiving an invoice file, without Spring or the engine: the import process is behind its port
 * ({@link InvoiceFileImports}), the tables behind the repository; both are mocks.
 */
class InvoiceFileServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-03T08:00:00Z");
  private static final String HEADER = "invoiceNumber;customerNumber;issueDate;dueDate;currency;description;quantity;"
      + "unitPrice;vatRate\n";
  private static final String LINE = "F-2026-1;C-1;2026-11-01;2026-12-01;SEK;Konsult;1;100,00;25\n";

  private final InvoiceFileRepository files = mock(InvoiceFileRepository.class);
  private final InvoiceFileImports imports = mock(InvoiceFileImports.class);
  private final NaturalKeys naturalKeys = mock(NaturalKeys.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final ClosedMonths closedMonths = mock(ClosedMonths.class);
  private final InvoiceFileService service = service("warn");

  @BeforeEach
  void aNaturalKeyThatIsFree() {
    when(clock.now()).thenReturn(NOW);
    when(naturalKeys.claim(anyString(), any(Supplier.class)))
        .thenAnswer(call -> ((Supplier<?>) call.getArgument(1)).get());
    when(files.insert(anyString(), anyString(), any(), any(), anyString(), anyChar(), any(), any(), any()))
        .thenReturn(41L);
  }

  @Test
  void aFileIsStagedAndItsImportStartedInTheFilesMode() {
    when(files.find(41L)).thenReturn(Optional.of(summary(41L, Mode.ALL_OR_NOTHING)));

    InvoiceFileSummary summary = receive(HEADER + LINE, Mode.ALL_OR_NOTHING);

    assertThat(summary.id()).isEqualTo(41L);
    verify(files).group(41L);
    verify(imports).start(41L, true);
  }

  @Test
  void withoutAModeTheConfiguredOneHolds() {
    when(files.find(41L)).thenReturn(Optional.of(summary(41L, Mode.PER_INVOICE)));

    receive(HEADER + LINE, null);

    verify(files).insert(eq("billing.csv"), anyString(), eq(Source.UPLOAD), any(), anyString(), eq(';'),
        eq(Mode.PER_INVOICE), eq(NOW), eq("fia"));
    verify(imports).start(41L, false);
  }

  @Test
  void theSameFileAgainAnswersWithTheFirstImportAndStartsNothing() {
    when(files.findByHash(anyString())).thenReturn(Optional.of(summary(7L, Mode.PER_INVOICE)));

    InvoiceFileSummary again = receive(HEADER + LINE, null);

    assertThat(again.id()).isEqualTo(7L);
    assertThat(again.sameFileAgain()).isTrue();
    verifyNoInteractions(imports);
    verify(files, never()).group(anyLong());
  }

  @Test
  void anEmptyFileOrOneWithoutLinesIsRejectedAndNoImportStarts() {
    assertThatThrownBy(() -> receive("", null)).isInstanceOfSatisfying(InvoiceFileRejected.class,
        e -> assertThat(e.problems()).containsExactly(new FileRejected.Problem("file", "is empty")));
    assertThatThrownBy(() -> receive(HEADER, null)).isInstanceOfSatisfying(InvoiceFileRejected.class,
        e -> assertThat(e.problems())
            .containsExactly(new FileRejected.Problem("file", "has a header row but no invoice lines")));
    verifyNoInteractions(imports);
  }

  // ---------------------------------------------------------------- overdue the moment it is sent (issue 15)

  /** Imported on 2 December: due 14 November, issued in October, whose month-end close has run. */
  private static final Map<InvoiceFileColumn, String> LATE = Map.of(InvoiceFileColumn.INVOICE_NUMBER, "F-2026-10",
      InvoiceFileColumn.CUSTOMER_NUMBER, "C-1", InvoiceFileColumn.NAME, "Kund AB", InvoiceFileColumn.TYPE, "BUSINESS",
      InvoiceFileColumn.COUNTRY, "SE", InvoiceFileColumn.EMAIL, "kund@example.se",
      InvoiceFileColumn.ISSUE_DATE, "2026-10-15", InvoiceFileColumn.DUE_DATE, "2026-11-14",
      InvoiceFileColumn.CURRENCY, "SEK", InvoiceFileColumn.DESCRIPTION, "Oktober");
  private static final String DUE_BEFORE_TODAY = "line 2, dueDate: 2026-11-14 is before today (2026-12-02): the "
      + "invoice is overdue the moment it is sent";
  private static final String IN_A_CLOSED_MONTH = "line 2, issueDate: 2026-10-15 is in 2026-10, whose month-end "
      + "close has run";

  @Test
  void anInvoiceDueBeforeTodayAndIssuedInAClosedMonthIsCreatedWithBothWarnings() {
    late(LATE, true);

    service.processChunk(41L, 0, true);

    assertLate(true, InvoiceFileSummary.Outcome.CREATED);
    verify(files).addChunk(41L, false, 1, 1, 0, 0, 1);
  }

  @Test
  void anInvoiceDueTodayInAnOpenMonthHasNoWarning() {
    Map<InvoiceFileColumn, String> onTime = new java.util.EnumMap<>(LATE);
    onTime.put(InvoiceFileColumn.ISSUE_DATE, "2026-12-01");
    onTime.put(InvoiceFileColumn.DUE_DATE, "2026-12-02");
    late(onTime, false);

    service.processChunk(41L, 0, true);

    assertThat(onlyOutcome().messages()).isEmpty();
    verify(closedMonths).isClosed(java.time.YearMonth.of(2026, 12));
    verify(files).addChunk(41L, false, 1, 1, 0, 0, 0);
  }

  @Test
  void withPastDueRejectTheInvoiceIsRejectedWithTheMessages_andAnAllOrNothingCheckCountsItAsInvalid() {
    InvoiceFileService rejecting = service("reject");
    late(LATE, true);

    rejecting.processChunk(41L, 0, true);

    assertLate(false, InvoiceFileSummary.Outcome.REJECTED);
    verify(files).addChunk(41L, false, 1, 0, 1, 0, 0);

    rejecting.processChunk(41L, 0, false);
    verify(files).addChunk(41L, true, 1, 0, 1, 0, 0);
  }

  @Test
  void aChunkWhosePlaceInTheFileIsTakenAlreadyCreatesAndCountsNothing_theImportGoesOnAfterIt() {
    late(LATE, false);
    when(files.claimChunk(41L, false, 2, NOW)).thenReturn(false);

    assertThat(service.processChunk(41L, 0, true)).isEqualTo(2);

    verify(invoices, never()).tryCreate(any(), org.mockito.ArgumentMatchers.anyBoolean(), anyString());
    verify(files, never()).recordOutcomes(anyLong(), any());
    verify(files, never()).addChunk(anyLong(), org.mockito.ArgumentMatchers.anyBoolean(),
        org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.anyInt(),
        org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.anyInt(),
        org.mockito.ArgumentMatchers.anyInt());
  }

  @Test
  void pastDueIsWarnOrReject() {
    assertThatThrownBy(() -> service("ignore")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fordra.import.past-due is 'ignore'; it must be warn or reject");
  }

  private InvoiceFileService service(String pastDue) {
    return new InvoiceFileService(files, invoices, mock(CustomerService.class), imports, clock, naturalKeys,
        closedMonths, "per-invoice", pastDue, 200);
  }

  /** The file's one invoice (line 2) and 2 December as Fordra's today. */
  private void late(Map<InvoiceFileColumn, String> values, boolean monthClosed) {
    when(clock.today()).thenReturn(java.time.LocalDate.of(2026, 12, 2));
    when(closedMonths.isClosed(any())).thenReturn(monthClosed);
    when(files.find(41L)).thenReturn(Optional.of(summary(41L, Mode.PER_INVOICE)));
    when(files.groupsAfter(41L, 0, 200))
        .thenReturn(List.of(new InvoiceFileRepository.Group("g", values.get(InvoiceFileColumn.INVOICE_NUMBER), 2, 2,
            1, null)));
    Map<InvoiceFileColumn, String> row = new java.util.EnumMap<>(values);
    row.putAll(Map.of(InvoiceFileColumn.QUANTITY, "1", InvoiceFileColumn.UNIT_PRICE, "800",
        InvoiceFileColumn.VAT_RATE, "25"));
    when(files.rows(41L, List.of("g"))).thenReturn(Map.of("g", List.of(new InvoiceCsvReader.Row(2, row, null))));
    when(invoices.tryCreate(any(), org.mockito.ArgumentMatchers.anyBoolean(), anyString()))
        .thenReturn(new InvoiceService.Attempt(null, new java.math.BigDecimal("1000.00"), List.of()));
    when(files.claimChunk(eq(41L), org.mockito.ArgumentMatchers.anyBoolean(), eq(2), eq(NOW))).thenReturn(true);
  }

  /** The late invoice was stored (or not) and came out with both messages. */
  private void assertLate(boolean stored, InvoiceFileSummary.Outcome outcome) {
    verify(invoices).tryCreate(any(), eq(stored), anyString());
    assertThat(onlyOutcome().outcome()).isEqualTo(outcome);
    assertThat(onlyOutcome().messages()).containsExactly(DUE_BEFORE_TODAY, IN_A_CLOSED_MONTH);
  }

  @SuppressWarnings("unchecked")
  private InvoiceFileRepository.Processed onlyOutcome() {
    org.mockito.ArgumentCaptor<List<InvoiceFileRepository.Processed>> outcomes =
        org.mockito.ArgumentCaptor.forClass(List.class);
    verify(files, org.mockito.Mockito.atLeastOnce()).recordOutcomes(eq(41L), outcomes.capture());
    assertThat(outcomes.getValue()).hasSize(1);
    return outcomes.getValue().get(0);
  }

  private InvoiceFileSummary receive(String csv, Mode mode) {
    return service.receive("billing.csv", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)),
        Source.UPLOAD, null, "fia", mode);
  }

  private static InvoiceFileSummary summary(long id, Mode mode) {
    return new InvoiceFileSummary(id, "billing.csv", Source.UPLOAD, mode, Status.IMPORTING, "UTF-8", ";", 1, 1, 0,
        0, 0, 0, 0, 0, Map.of(), NOW, "fia", null, List.of(), 0, false, io.fordra.kernel.ImportProgress.UNKNOWN);
  }
}
