package io.fordra.payment.file;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import io.fordra.task.Headings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/** What "Match payment" shows, and that each task starts without another task's answer: no Spring, no engine. */
class MatchPaymentContextTest {

  private final PaymentService payments = mock(PaymentService.class);
  private final MatchPaymentContext context = new MatchPaymentContext(payments, new MatchPaymentForm(),
      Headings.on(LocalDate.of(2026, 11, 6)));

  @Test
  void showsWhatTheBankSaidAndForgetsEarlierAnswers() {
    Payment payment = new Payment(9, "BANK-9", null, null, null, new BigDecimal("12410.00"), "SEK",
        LocalDate.of(2026, 5, 4), null, null, null);
    when(payments.get(9L)).thenReturn(payment);
    when(payments.payerName(9L)).thenReturn("Kund AB ");
    when(payments.note(9L)).thenReturn("OCR 77777777 belongs to no invoice");
    DelegateTask task = mock(DelegateTask.class);
    DelegateExecution execution = mock(DelegateExecution.class);
    when(task.getVariable(PaymentFileImport.PAYMENT_ID.name())).thenReturn(9L);
    when(task.getExecution()).thenReturn(execution);
    when(task.getName()).thenReturn("Match payment");

    context.notify(task);

    verify(task).setVariablesLocal(Map.of(
        "paymentAmount", "12410.00 SEK",
        "paidAt", "2026-05-04",
        "bankTransactionId", "BANK-9",
        "statedReference", "(none)",
        "whyUnmatched", "OCR 77777777 belongs to no invoice"));
    verify(execution).setVariableLocal("paymentAction", null);
    verify(execution).setVariableLocal("invoiceNumbers", null);
    verify(execution).setVariableLocal("matchComment", null);
    verify(task).setDescription("12410.00 SEK paid 2026-05-04");
    verify(task).setName("Match payment — Kund AB, 12\u00a0410,00 SEK");
    verify(task).setDueDate(Headings.endOf(LocalDate.of(2026, 11, 10)));
  }
}
