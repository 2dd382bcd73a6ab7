package io.fordra.payment.file;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** {@link PaymentFileImports} on Camunda: one payment-file-import instance per file, keyed by the file. */
@Component
class EnginePaymentFileImports implements PaymentFileImports {

  private final RuntimeService runtime;

  EnginePaymentFileImports(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void start(long paymentFileId) {
    runtime.createProcessInstanceByKey(PaymentFileImport.KEY)
        .businessKey(PaymentFileImport.businessKey(paymentFileId))
        .setVariables(Variables.createVariables()
            .putValue(PaymentFileImport.PAYMENT_FILE_ID.name(), paymentFileId)
            .putValue(PaymentFileImport.NEXT_PAYMENT.name(), 0))
        .execute();
  }
}
