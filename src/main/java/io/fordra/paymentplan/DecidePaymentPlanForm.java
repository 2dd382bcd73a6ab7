package io.fordra.paymentplan;

import io.fordra.paymentplan.PaymentPlanProcess.DecideForm;
import io.fordra.task.TaskForm;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * forms/decide-payment-plan.form: the request, the debtor's invoices, payments and the policy's reason (read-only),
 * and the case handler's decision: approve (possibly changed terms) or refuse with a reason.
 */
@Component
public class DecidePaymentPlanForm extends TaskForm {

  public static final String ID = "decide-payment-plan";

  public DecidePaymentPlanForm() {
    super(ID,
        List.of(PaymentPlanProcess.PLAN_NUMBER, PaymentPlanProcess.KIND, DecideForm.CUSTOMER, DecideForm.INVOICES,
            DecideForm.PAYMENT_HISTORY, DecideForm.PROPOSAL, DecideForm.POLICY_REASON),
        List.of(DecideForm.DECISION, DecideForm.INSTALMENTS, DecideForm.FIRST_DUE_DATE, DecideForm.DEFER_TO,
            DecideForm.APPROVAL_NOTE, DecideForm.REFUSAL_REASON));
  }
}
