package io.fordra.payment.file;

import io.fordra.payment.PaymentMatchings;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** {@link PaymentMatchings} on Camunda: one payment-matching instance per payment, keyed by the payment. */
@Component
class EnginePaymentMatchings implements PaymentMatchings {

  private final RuntimeService runtime;

  EnginePaymentMatchings(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void askFinance(long paymentId) {
    runtime.createProcessInstanceByKey(PaymentFileImport.MATCHING_KEY)
        .businessKey("payment-" + paymentId)
        .setVariables(Variables.createVariables().putValue(PaymentFileImport.PAYMENT_ID.name(), paymentId))
        .execute();
  }
}
