package io.fordra.payment.file;

import io.fordra.process.PaymentFileImport;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** payment-file-import "Report the import": the summary is final, logged and kept in the process history. */
@Component
public class ReportPaymentImport implements JavaDelegate {

  private final PaymentFileService files;

  public ReportPaymentImport(PaymentFileService files) {
    this.files = files;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PaymentFileSummary summary = files.finish(PaymentFileImport.PAYMENT_FILE_ID.from(execution));
    PaymentFileImport.SUMMARY.set(execution, summary.describe());
  }
}
