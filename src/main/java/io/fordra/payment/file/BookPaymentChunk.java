package io.fordra.payment.file;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** payment-file-import "Book next payments" (asyncBefore: each chunk is its own transaction and retry). */
@Component
class BookPaymentChunk implements JavaDelegate {

  private final PaymentFileService files;

  public BookPaymentChunk(PaymentFileService files) {
    this.files = files;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = PaymentFileImport.PAYMENT_FILE_ID.from(execution);
    int next = files.bookChunk(id, PaymentFileImport.NEXT_PAYMENT.from(execution, 0));
    PaymentFileImport.NEXT_PAYMENT.set(execution, next);
    PaymentFileImport.MORE.set(execution, next < files.paymentCount(id));
  }
}
