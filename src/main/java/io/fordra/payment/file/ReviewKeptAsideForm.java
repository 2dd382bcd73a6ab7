package io.fordra.payment.file;

import io.fordra.process.ProcessVariable;
import io.fordra.task.TaskForm;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * forms/review-kept-aside.form: the entries of a payment file that were kept aside (money that may be ours but could
 * not be booked), each with where it is, its amount, currency and reason, and what finance did about them.
 */
@Component
public class ReviewKeptAsideForm extends TaskForm {

  static final ProcessVariable<String> FILE = ProcessVariable.of("keptAsideFile", String.class);
  static final ProcessVariable<String> ENTRIES = ProcessVariable.of("keptAsideEntries", String.class);
  /** The most entries the form lists; the rest are counted, and GET /api/payment-files/{id}/notes has them all. */
  static final int LISTED = 200;

  public ReviewKeptAsideForm() {
    super("review-kept-aside", List.of(FILE, ENTRIES), List.of(PaymentFileImport.KEPT_ASIDE_NOTE));
  }
}
