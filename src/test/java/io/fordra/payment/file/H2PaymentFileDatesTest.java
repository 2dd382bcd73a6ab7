package io.fordra.payment.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.payment.Payment;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A bank file's payment dated before the invoice it names was issued is not booked on it: it waits in Match payment
 * with the reason, and the ledger takes the money on the day the file is read, not in the year the bank file says
 * (issue 16, item 9: payments dated 2004 were booked on invoices of 2026 and appeared in the SIE file for 2004).
 */
@FordraTestContext
@TestPropertySource(properties = {PaymentFileImportScenario.CHUNK, PaymentFileImportScenario.INBOX,
    PaymentFileImportScenario.NO_POLLING})
class H2PaymentFileDatesTest extends ProcessTestSupport {

  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;

  @Test
  void aPaymentDatedBeforeItsInvoiceWasIssuedWaitsForAPersonAndTheLedgerTakesItOnTheDayItIsRead() {
    Invoice invoice = createInvoice(customer(CustomerType.BUSINESS, Country.SE, false, false), Currency.SEK);
    executeDueJobs();
    byte[] file = new PaymentFileImportScenario.BgMax()
        .payment(invoice.paymentReference(), "1250.00", "000000040401", '2')
        .build("20040312");

    long id = upload("BGMAX-20040312.txt", file).get("id").asLong();
    executeDueJobs();

    assertThat(reload(invoice).paidAmount()).as("not booked on the invoice").isZero();
    List<Payment> kept = payments.ofFile(id);
    assertThat(kept).singleElement().satisfies(p -> {
      assertThat(p.status()).isEqualTo(Payment.PaymentStatus.UNMATCHED);
      assertThat(p.paidAt()).as("the bank's date is kept as it is").isEqualTo(LocalDate.of(2004, 3, 12));
    });
    String reason = "Paid 2004-03-12, before invoice " + invoice.invoiceNumber() + " was issued (2026-03-02): "
        + "check the date";
    assertThat(payments.note(kept.get(0).id())).isEqualTo(reason);
    assertThat(jdbc.sql("SELECT booking_date FROM fordra_ledger_entry WHERE payment_id = ?").param(kept.get(0).id())
        .query(LocalDate.class).list()).as("in the ledger the day the file was read").containsExactly(
        LocalDate.of(2026, 3, 2));
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(PaymentFileImport.businessKey(id)).singleResult();
    assertThat(task.getName()).startsWith("Match payment");
    assertThat((String) tasks.getVariableLocal(task.getId(), "whyUnmatched")).isEqualTo(reason);
  }

  private JsonNode upload(String name, byte[] content) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    return api().post().uri("/api/payment-files").contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve()
        .body(JsonNode.class);
  }
}
