package io.fordra.payment.file;

import io.fordra.task.TaskHeadings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review entries kept aside" created: the file and its entries kept aside (where, amount, currency, transaction,
 * reason; at most {@value ReviewKeptAsideForm#LISTED}, the rest counted), on the task (task-local, for the form);
 * named after the file and the number of entries, due in the configured working days.
 */
@Component
class ReviewKeptAsideContext implements TaskListener {

  private final PaymentFileService files;
  private final ReviewKeptAsideForm form;
  private final TaskHeadings headings;

  public ReviewKeptAsideContext(PaymentFileService files, ReviewKeptAsideForm form, TaskHeadings headings) {
    this.files = files;
    this.form = form;
    this.headings = headings;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = PaymentFileImport.PAYMENT_FILE_ID.from(task);
    PaymentFileSummary file = files.summary(id);
    PaymentFileService.NotePage page = files.notes(id, List.of(PaymentFileSummary.NoteKind.KEPT_ASIDE), 0,
        ReviewKeptAsideForm.LISTED);
    List<String> lines = new ArrayList<>();
    for (PaymentFileSummary.Note n : page.notes()) {
      lines.add(n.location() + " · " + (n.amount() == null ? "no amount"
          : headings.amount(n.amount(), n.currency() == null ? "(no currency)" : n.currency()))
          + (n.bankTransactionId() == null ? "" : " · transaction " + n.bankTransactionId()) + " · " + n.reason());
    }
    if (page.total() > page.notes().size()) {
      lines.add("… and " + (page.total() - page.notes().size()) + " more: GET /api/payment-files/" + id
          + "/notes?outcome=KEPT_ASIDE");
    }
    form.values()
        .put(ReviewKeptAsideForm.FILE, file.fileName() + " (payment file " + id + ", " + file.format() + ", received "
            + file.receivedAt() + ")")
        .put(ReviewKeptAsideForm.ENTRIES, String.join("\n", lines))
        .showOn(task);
    // Each task's answer is its own (the note of an earlier file's review must not come back pre-filled).
    form.clearAnswer(task.getExecution());
    String amounts = file.keptAside().amounts().entrySet().stream()
        .map(e -> headings.amount(e.getValue(), e.getKey())).collect(Collectors.joining(" + "));
    task.setDescription(page.total() + (page.total() == 1 ? " entry" : " entries") + " of " + file.fileName()
        + " kept aside" + (amounts.isEmpty() ? "" : ": " + amounts));
    headings.name(task, file.fileName(), page.total() + (page.total() == 1 ? " entry" : " entries"));
    headings.dueAsConfigured(task, form);
  }
}
