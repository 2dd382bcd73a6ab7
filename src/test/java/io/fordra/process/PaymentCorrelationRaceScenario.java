package io.fordra.process;

import io.fordra.invoice.InvoiceToCash;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.test.system.CapturedOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A payment's PaymentReceived correlation races a change of the same process instance tree made and committed by
 * another transaction (as a job of the instance does: a call activity starting or ending, a timer firing) between
 * the engine reading the tree and flushing. The request must answer 201 and book the payment once, not 500.
 * H2PaymentCorrelationRaceTest and PostgresPaymentCorrelationRaceTest run it.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
abstract class PaymentCorrelationRaceScenario extends ProcessTestSupport {

  @Autowired ObjectMapper json;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @AfterEach
  void disarm() {
    HoldCheckSettlement.disarm();
    HoldUndoWindowEnd.disarm();
  }

  /** How the first try of the request below fails: the conflict as this database reports it. */
  abstract String conflictAsReported();

  /**
   * Issue 17, item 8, the act_fk_exe_super failure: a payment in full ends the follow-up, and with it the called
   * invoice-distribution instance, whose root execution another transaction changes and commits after the engine has
   * read it (there: a job of the called instance; here, held exactly there, an update of that one row's revision, as
   * the job's commit leaves it: the job itself would wait for the invoice row that the payment holds). The payment's
   * DELETE of that execution then matches no row (its revision moved on) and the
   * DELETE of the call activity's execution, which it still names as super execution, violates act_fk_exe_super. On
   * PostgreSQL both DELETEs are one JDBC batch and the driver reports every statement of a failed batch as failed, so
   * the engine cannot see the row that did not match and reports the foreign key, not an OptimisticLockingException:
   * that was the 500. The request is run again in a fresh transaction (ProcessConflicts): 201, booked once.
   */
  @Test
  void aPaymentEndingACalledInstanceThatChangedMeanwhileIsBookedOnceOnTheSecondTry(CapturedOutput output)
      throws Exception {
    Invoice invoice = invoiceBeingSent();
    ProcessInstance called = runtime.createProcessInstanceQuery()
        .superProcessInstanceId(processOf(invoice).getId()).singleResult();
    String bankTransaction = "BANK-" + UUID.randomUUID();
    HoldCheckSettlement.Hold hold = HoldUndoWindowEnd.armOnce();

    CompletableFuture<ResponseEntity<String>> answer = CompletableFuture.supplyAsync(() -> call(HttpMethod.POST,
        "/api/payments", Map.of("paymentReference", invoice.paymentReference(), "amount", "1250.00",
            "currency", "SEK", "paidAt", LocalDate.of(2026, 3, 2).toString(), "bankTransactionId", bankTransaction)));
    assertThat(hold.reached().await(60, TimeUnit.SECONDS)).as("the payment is ending the called instance").isTrue();
    assertThat(jdbc.sql("UPDATE ACT_RU_EXECUTION SET REV_ = REV_ + 1 WHERE ID_ = ?").param(called.getId()).update())
        .isOne();
    hold.release().countDown();
    ResponseEntity<String> response = answer.get(60, TimeUnit.SECONDS);

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    assertThat(output.getAll().lines().filter(line -> line.contains("Concurrent change of the process instance")))
        .as("the first try's conflict, as logged").anyMatch(line -> line.contains(conflictAsReported()));
    Invoice paid = reload(invoice);
    assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(paid.paidAmount()).as("booked once").isEqualByComparingTo("1250.00");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice.invoiceNumber()).count())
        .isZero();
  }

  @Test
  void aPaymentWhoseCorrelationMeetsAConcurrentChangeOfTheInstanceTreeIsBookedOnce() throws Exception {
    Invoice invoice = invoiceBeingSent();
    String bankTransaction = "BANK-" + UUID.randomUUID();

    ResponseEntity<String> answer = racingTheTree(invoice, () -> call(HttpMethod.POST, "/api/payments", Map.of(
        "paymentReference", invoice.paymentReference(), "amount", "1250.00", "currency", "SEK",
        "paidAt", LocalDate.of(2026, 3, 2).toString(), "bankTransactionId", bankTransaction)));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    JsonNode body = json.readTree(answer.getBody());
    assertThat(body.get("status").asText()).isEqualTo("MATCHED");

    Invoice paid = reload(invoice);
    assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(paid.paidAmount()).isEqualByComparingTo("1250.00");
    assertThat(payments.get(body.get("paymentId").asLong()).bankTransactionId()).isEqualTo(bankTransaction);
    // Follow-up ended: nothing of the instance tree keeps running for a paid invoice.
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice.invoiceNumber()).count())
        .isZero();
  }

  @Test
  void aCreditNoteWhoseCorrelationMeetsAConcurrentChangeOfTheInstanceTreeIsIssuedOnce() throws Exception {
    Invoice invoice = invoiceBeingSent();

    ResponseEntity<String> answer = racingTheTree(invoice, () -> call(HttpMethod.POST,
        "/api/invoices/" + invoice.invoiceNumber() + "/credit-notes", Map.of("reason", "wrong price")));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    Invoice credited = reload(invoice);
    assertThat(credited.status()).isEqualTo(InvoiceStatus.CREDITED);
    assertThat(credited.creditedAmount()).as("credited once").isEqualByComparingTo("1250.00");
    assertThat(credited.openAmount()).isEqualByComparingTo("0.00");
  }

  /** A new invoice whose "Send invoice" (a call activity) has its invoice-distribution instance running. */
  private Invoice invoiceBeingSent() {
    Invoice invoice = createInvoice(customer(CustomerType.BUSINESS, Country.SE, false, true), Currency.SEK);
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(processOf(invoice).getId()).count())
        .as("the called invoice-distribution instance").isOne();
    return invoice;
  }

  /**
   * Sends the request; once its correlation has read the instance tree (held at Check settlement), another committed
   * transaction adds an execution with its timer job under the follow-up, as a job of the instance moving on would,
   * where the correlation is about to end the follow-up. Then lets the request go on and returns its answer.
   */
  private ResponseEntity<String> racingTheTree(Invoice invoice, Supplier<ResponseEntity<String>> request)
      throws Exception {
    ProcessInstance parent = processOf(invoice);
    HoldCheckSettlement.Hold hold = HoldCheckSettlement.armOnce();
    CompletableFuture<ResponseEntity<String>> answer = CompletableFuture.supplyAsync(request);
    boolean reached = hold.reached().await(60, TimeUnit.SECONDS);
    assertThat(reached).as("the correlation reached Check settlement; the request answered %s",
        answer.isDone() ? answer.join() : "nothing yet").isTrue();
    runtime.createProcessInstanceModification(parent.getId())
        .startBeforeActivity(InvoiceToCash.Elements.WAIT_FOR_DUE_DATE).execute();
    hold.release().countDown();
    return answer.get(60, TimeUnit.SECONDS);
  }
}
