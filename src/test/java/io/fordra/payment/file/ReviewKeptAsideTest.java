package io.fordra.payment.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.document.Letters;
import io.fordra.kernel.ImportProgress;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.payment.file.PaymentFileSummary.AsideCount;
import io.fordra.payment.file.PaymentFileSummary.Note;
import io.fordra.payment.file.PaymentFileSummary.NoteKind;
import io.fordra.process.FordraClock;
import io.fordra.task.TaskHeadings;
import io.fordra.task.TaskProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** What "Review entries kept aside" shows, and that its answer is recorded with who gave it: no Spring, no engine. */
class ReviewKeptAsideTest {

  private final PaymentFileService files = mock(PaymentFileService.class);
  private final TaskHeadings headings = headings(LocalDate.of(2026, 11, 6));

  @Test
  void showsEachEntryKeptAsideWithWhereHowMuchAndWhy_theRestCounted() {
    when(files.summary(41L)).thenReturn(new PaymentFileSummary(41, "camt.xml", ParsedPaymentFile.Format.CAMT054,
        "SE45", PaymentFileSummary.Status.DONE, 3, new BigDecimal("300.00"), 3, PaymentFileSummary.Tally.none(),
        Instant.parse("2026-11-05T10:00:00Z"), null, false, ImportProgress.UNKNOWN)
        .withNotes(new AsideCount(202, Map.of("CHF", new BigDecimal("20275.00"))), AsideCount.none(), List.of(),
            List.of(), 0, null));
    List<Note> listed = new ArrayList<>();
    listed.add(new Note(1, NoteKind.KEPT_ASIDE, "Ntry[2]", new BigDecimal("1275.00"), "CHF", "E2E-2",
        "currency CHF is not one Fordra invoices in [SEK, NOK, EUR]"));
    listed.add(new Note(2, NoteKind.KEPT_ASIDE, "Ntfctn[2]", null, null, null, "account DE89 is not the seller's"));
    for (int n = 3; n <= ReviewKeptAsideForm.LISTED; n++) {
      listed.add(new Note(n, NoteKind.KEPT_ASIDE, "Ntry[" + n + "]", new BigDecimal("100.00"), "CHF", null, "CHF"));
    }
    when(files.notes(41L, List.of(NoteKind.KEPT_ASIDE), 0, ReviewKeptAsideForm.LISTED))
        .thenReturn(new PaymentFileService.NotePage(41L, 202, 0, listed));
    DelegateTask task = mock(DelegateTask.class);
    DelegateExecution execution = mock(DelegateExecution.class);
    when(task.getVariable(PaymentFileImport.PAYMENT_FILE_ID.name())).thenReturn(41L);
    when(task.getExecution()).thenReturn(execution);
    when(task.getName()).thenReturn("Review entries kept aside");

    new ReviewKeptAsideContext(files, new ReviewKeptAsideForm(), headings).notify(task);

    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> shown = ArgumentCaptor.forClass(Map.class);
    verify(task).setVariablesLocal(shown.capture());
    assertThat(shown.getValue().get("keptAsideFile"))
        .isEqualTo("camt.xml (payment file 41, CAMT054, received 2026-11-05T10:00:00Z)");
    String entries = (String) shown.getValue().get("keptAsideEntries");
    assertThat(entries.lines().limit(2)).containsExactly(
        "Ntry[2] · 1\u00a0275,00 CHF · transaction E2E-2 · currency CHF is not one Fordra invoices in [SEK, NOK, EUR]",
        "Ntfctn[2] · no amount · account DE89 is not the seller's");
    assertThat(entries.lines()).hasSize(ReviewKeptAsideForm.LISTED + 1)
        .last().isEqualTo("… and 2 more: GET /api/payment-files/41/notes?outcome=KEPT_ASIDE");
    verify(execution).setVariableLocal("keptAsideNote", null);
    verify(task).setName("Review entries kept aside — camt.xml, 202 entries");
    verify(task).setDescription("202 entries of camt.xml kept aside: 20\u00a0275,00 CHF");
    verify(task).setDueDate(any());
  }

  @Test
  void theNoteIsRecordedWithWhoCompletedTheTask_noNoteIsRefusedAndTheTaskStaysOpen() {
    DelegateTask task = mock(DelegateTask.class, RETURNS_DEEP_STUBS);
    when(task.getVariable(PaymentFileImport.PAYMENT_FILE_ID.name())).thenReturn(41L);
    when(task.getVariable(PaymentFileImport.KEPT_ASIDE_NOTE.name())).thenReturn("Returned to the payer");
    when(task.getAssignee()).thenReturn("finance-anna");
    RecordKeptAsideReview record = new RecordKeptAsideReview(files);

    record.notify(task);
    verify(files).recordKeptAsideReview(41L, "finance-anna", "Returned to the payer");

    when(task.getVariable(PaymentFileImport.KEPT_ASIDE_NOTE.name())).thenReturn(" ");
    when(files.recordKeptAsideReview(eq(41L), anyString(), eq(" "))).thenThrow(
        new InvalidRequestException("keptAsideNote", "must say what was done about the entries kept aside"));
    assertThatThrownBy(() -> record.notify(task)).isInstanceOf(ProcessEngineException.class)
        .hasMessage("The note must say what was done about the entries kept aside");
  }

  private static TaskHeadings headings(LocalDate today) {
    FordraClock clock = mock(FordraClock.class);
    when(clock.today()).thenReturn(today);
    when(clock.engineDate(any(), any())).thenAnswer(i -> new FordraClock(ZoneId.of("Europe/Stockholm"))
        .engineDate(i.getArgument(0), i.getArgument(1)));
    return new TaskHeadings(Letters.SELLER, clock, new TaskProperties(Map.of("review-kept-aside", 2)));
  }
}
