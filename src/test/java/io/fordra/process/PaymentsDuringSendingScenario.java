package io.fordra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17, item 8: payments posted over HTTP, many at once, while the job executor sends the same invoices (the undo
 * window's timer and the e-mail job run in each invoice's called invoice-distribution instance, and a payment in full
 * ends the follow-up that calls it). Every answer is 201 (or 200 for the same bank transaction again), never 500 or
 * 409; every payment is booked once; every invoice ends PAID; the ledger balances (LedgerInvariant).
 * CI runs 120 payments; -Dfordra.race.payments=2000 runs the issue's figure by hand.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class PaymentsDuringSendingScenario extends ProcessTestSupport {

  private static final int HTTP_THREADS = 8;

  @Autowired JdbcClient jdbc;

  @AfterEach
  void jobExecutorRunsAgain() {
    JobExecutor executor = jobExecutor();
    if (!executor.isActive()) {
      executor.start();
    }
  }

  @Test
  void paymentsPostedWhileTheirInvoicesAreBeingSentAreEachBookedOnceAndNeverAnswer500(CapturedOutput output)
      throws Exception {
    int count = Integer.getInteger("fordra.race.payments", 120);
    // The invoices wait with their sending jobs due; the executor starts them together with the payments.
    jobExecutor().shutdown();
    CustomerRequest customer = customer(CustomerType.BUSINESS, Country.SE, false, true);
    List<Invoice> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sent.add(createInvoice(customer, Currency.SEK));
    }
    assertThat(management.createJobQuery().executable().count()).as("sending jobs waiting")
        .isGreaterThanOrEqualTo(count);

    List<Payment> posted = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Payment payment = new Payment(sent.get(i), "RACE-" + sent.get(i).invoiceNumber());
      posted.add(payment);
      if (i % 10 == 0) {
        posted.add(payment); // the same bank transaction twice, at the same moment
      }
    }
    ExecutorService threads = Executors.newFixedThreadPool(HTTP_THREADS);
    Map<Integer, Integer> answers = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long started = System.nanoTime();
    try {
      jobExecutor().start();
      List<Future<ResponseEntity<String>>> results = new ArrayList<>();
      for (Payment payment : posted) {
        results.add(threads.submit(() -> call(HttpMethod.POST, "/api/payments", payment.body())));
      }
      for (Future<ResponseEntity<String>> result : results) {
        ResponseEntity<String> answer = result.get(300, TimeUnit.SECONDS);
        answers.merge(answer.getStatusCode().value(), 1, Integer::sum);
        if (answer.getStatusCode().value() != 201 && answer.getStatusCode().value() != 200) {
          failures.add(answer.getStatusCode().value() + " " + answer.getBody());
        }
      }
    } finally {
      threads.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("payments during sending: %d posted (%d invoices) in %.1f s, answers %s%n",
        posted.size(), count, seconds, answers);

    assertThat(failures).as("answers other than 201/200 of %s", answers).isEmpty();
    assertThat(answers.getOrDefault(201, 0)).as("each payment booked by one answer").isEqualTo(count);
    await().atMost(Duration.ofSeconds(count * 2L)).pollInterval(Duration.ofMillis(500))
        .until(() -> management.createJobQuery().executable().count() == 0);
    assertThat(runtime.createIncidentQuery().count()).as("incidents").isZero();
    String log = output.getAll();
    System.out.printf("conflicts: %d requests run again (ProcessConflicts), %d jobs met a concurrent change%n",
        count(log, "Concurrent change of the process instance (try"), count(log, "met a concurrent change")
            + count(log, "failed while another transaction ended its process instance"));
    // Item 9: the jobs' conflicts with the payments are not warnings an operator must act on.
    assertThat(log).doesNotContain("ENGINE-14006");
    for (Invoice invoice : sent) {
      Invoice now = reload(invoice);
      assertThat(now.status()).as(invoice.invoiceNumber()).isEqualTo(InvoiceStatus.PAID);
      assertThat(now.paidAmount()).as(invoice.invoiceNumber()).isEqualByComparingTo("1250.00");
      assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_payment WHERE bank_transaction_id = ?")
          .param("RACE-" + invoice.invoiceNumber()).query(Integer.class).single())
          .as("payments of " + invoice.invoiceNumber()).isOne();
    }
  }

  private static int count(String text, String part) {
    int found = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      found++;
    }
    return found;
  }

  private JobExecutor jobExecutor() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
  }

  private record Payment(Invoice invoice, String bankTransactionId) {
    Map<String, Object> body() {
      return Map.of("paymentReference", invoice.paymentReference(), "amount", "1250.00", "currency", "SEK",
          "paidAt", invoice.issueDate().toString(), "bankTransactionId", bankTransactionId);
    }
  }
}
