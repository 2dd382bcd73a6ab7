package io.fordra.payment.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import io.fordra.payment.Remitter;
import io.fordra.task.Headings;
import java.util.List;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.mockito.ArgumentCaptor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/** What "Match payment" shows (the payer and the suggested invoices), and that each task starts without another task's answer: no Spring, no engine. */
class MatchPaymentContextTest {

  private final PaymentService payments = mock(PaymentService.class);
  private final PaymentCandidates candidates = mock(PaymentCandidates.class);
  private final MatchPaymentContext context = new MatchPaymentContext(payments, candidates, new MatchPaymentForm(),
      Headings.on(LocalDate.of(2026, 11, 6)));

  @Test
  void showsWhatTheBankSaidAndForgetsEarlierAnswers() {
    Payment payment = new Payment(9, "BANK-9", null, null, null, new BigDecimal("12410.00"), "SEK",
        LocalDate.of(2026, 5, 4), null, null, null);
    when(payments.get(9L)).thenReturn(payment);
    when(payments.note(9L)).thenReturn("OCR 77777777 belongs to no invoice");
    when(payments.remitter(9L)).thenReturn(new Remitter("Kund AB", "5560360793", "Bankgiro 5050-1055",
        "Faktura F-2026-0007"));
    when(candidates.forPayment(9L)).thenReturn(List.of(new PaymentCandidates.Candidate("F-2026-0007", "C-1",
        "Kund AB", new BigDecimal("1250.00"), "SEK", LocalDate.of(2026, 5, 1), 80,
        List.of("invoice number in the message", "same organisation number"))));
    DelegateTask task = mock(DelegateTask.class);
    DelegateExecution execution = mock(DelegateExecution.class);
    when(task.getVariable(PaymentFileImport.PAYMENT_ID.name())).thenReturn(9L);
    when(task.getExecution()).thenReturn(execution);
    when(task.getName()).thenReturn("Match payment");

    context.notify(task);

    verify(task).setVariablesLocal(Map.of(
        "paymentAmount", "12\u00a0410,00 SEK",
        "paidAt", "2026-05-04",
        "bankTransactionId", "BANK-9",
        "statedReference", "(none)",
        "whyUnmatched", "OCR 77777777 belongs to no invoice",
        "payer", "Kund AB",
        "payerAccount", "Bankgiro 5050-1055, org. no. 5560360793",
        "remittanceText", "Faktura F-2026-0007"));
    ArgumentCaptor<TypedValue> options = ArgumentCaptor.forClass(TypedValue.class);
    verify(task).setVariableLocal(org.mockito.ArgumentMatchers.eq("invoiceSuggestions"), options.capture());
    assertThat(options.getValue().getValue().toString()).isEqualTo("[{\"label\":\"F-2026-0007 · Kund AB · open "
        + "1\u00a0250,00 SEK · due 2026-05-01 · invoice number in the message, same organisation number\","
        + "\"value\":\"F-2026-0007\"}]");
    verify(execution).setVariableLocal("paymentAction", null);
    verify(execution).setVariableLocal("invoiceNumbers", null);
    verify(execution).setVariableLocal("suggestedInvoices", null);
    ArgumentCaptor<TypedValue> emptyList = ArgumentCaptor.forClass(TypedValue.class);
    verify(execution, org.mockito.Mockito.times(2))
        .setVariableLocal(org.mockito.ArgumentMatchers.eq("suggestedInvoices"), emptyList.capture());
    assertThat(emptyList.getAllValues().get(1).getType().getName()).as("so that Tasklist submits the ticks as JSON").isEqualTo("json");
    verify(execution).setVariableLocal("matchComment", null);
    verify(task).setDescription("12\u00a0410,00 SEK paid 2026-05-04");
    verify(task).setName("Match payment — Kund AB, 12\u00a0410,00 SEK");
    verify(task).setDueDate(Headings.endOf(LocalDate.of(2026, 11, 10)));
  }
}
