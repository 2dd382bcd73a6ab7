package io.fordra.payment.file;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** payment-file-import "Report the import": the summary is final, logged and kept in the process history; what
 * no rule placed goes to "Match payment", and entries kept aside (if any) to "Review entries kept aside". */
@Component
class ReportPaymentImport implements JavaDelegate {

  private final PaymentFileService files;

  public ReportPaymentImport(PaymentFileService files) {
    this.files = files;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = PaymentFileImport.PAYMENT_FILE_ID.from(execution);
    PaymentFileSummary summary = files.finish(id);
    PaymentFileImport.SUMMARY.set(execution, summary.describe());
    PaymentFileImport.UNMATCHED_PAYMENTS.set(execution, new java.util.ArrayList<>(files.unmatchedPayments(id)));
    PaymentFileImport.KEPT_ASIDE.set(execution, summary.keptAside().count());
  }
}
