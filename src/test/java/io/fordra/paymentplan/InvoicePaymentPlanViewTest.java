package io.fordra.paymentplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/** GET /api/invoices/{n} shows the payment plan that covers the invoice: the current one, else the most recent. */
@FordraTestContext
class InvoicePaymentPlanViewTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcClient jdbc;
  @Autowired InstalmentReferences references;

  @Test
  void anInvoiceWithoutAPlanHasNoPaymentPlanField() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);

    assertThat(view(invoice).has("paymentPlan")).isFalse();
  }

  @Test
  void theRunningPlanIsShownWithItsInstalments_onceItEndedTheMostRecentPlan() throws Exception {
    CustomerRequest customer = customer(CustomerType.PRIVATE, Country.SE, false, true);
    Invoice invoice = createInvoice(customer, Currency.SEK);
    Invoice other = createInvoice(customer, Currency.SEK);
    PlanRows plans = new PlanRows(jdbc, references);
    PlanRows.Plan running = plans.insert(PlanStatus.RUNNING, LocalDate.of(2026, 4, 30), List.of(invoice, other),
        "1000.00", "1500.00");
    jdbc.sql("UPDATE fordra_payment_plan_instalment SET paid_amount = 1000.00, status = 'PAID' "
        + "WHERE plan_id = :p AND number = 1").param("p", running.id()).update();
    PlanRows.Plan refusedLater = plans.insert(PlanStatus.REFUSED, LocalDate.of(2026, 5, 30), List.of(invoice),
        "1250.00");

    JsonNode plan = view(invoice).get("paymentPlan");

    assertThat(plan.get("planNumber").asText()).as("the running one, though another was asked for later")
        .isEqualTo(running.planNumber());
    assertThat(plan.get("kind").asText()).isEqualTo("INSTALMENTS");
    assertThat(plan.get("status").asText()).isEqualTo("RUNNING");
    assertThat(plan.get("instalments")).hasSize(2);
    JsonNode first = plan.get("instalments").get(0);
    assertThat(first.get("number").asInt()).isEqualTo(1);
    assertThat(first.get("dueDate").asText()).isEqualTo("2026-04-30");
    assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(first.get("paymentReference").asText()).isEqualTo(running.references().get(0));
    assertThat(first.get("paidAmount").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(first.get("status").asText()).isEqualTo("PAID");
    assertThat(plan.get("instalments").get(1).get("dueDate").asText()).isEqualTo("2026-05-30");
    assertThat(plan.get("instalments").get(1).get("status").asText()).isEqualTo("OPEN");
    assertThat(view(other).at("/paymentPlan/planNumber").asText()).isEqualTo(running.planNumber());

    plans.status(running, PlanStatus.BROKEN);
    assertThat(view(invoice).at("/paymentPlan/planNumber").asText()).as("ended: the most recent")
        .isEqualTo(refusedLater.planNumber());
    assertThat(view(other).at("/paymentPlan/status").asText()).isEqualTo("BROKEN");
  }

  @Test
  void theApiDescriptionNamesThePaymentPlanOfAnInvoice() throws Exception {
    JsonNode schemas = JSON.readTree(call(HttpMethod.GET, "/v3/api-docs", null).getBody()).at("/components/schemas");

    assertThat(schemas.at("/InvoiceView/properties/paymentPlan/$ref").asText())
        .isEqualTo("#/components/schemas/PaymentPlanSummary");
    assertThat(schemas.at("/PaymentPlanSummary/properties").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("planNumber", "kind", "status", "instalments");
    assertThat(schemas.at("/PlanInstalment/properties").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("number", "dueDate", "amount", "paymentReference", "paidAmount", "status");
  }

  private JsonNode view(Invoice invoice) throws Exception {
    return JSON.readTree(call(HttpMethod.GET, "/api/invoices/" + invoice.invoiceNumber(), null).getBody());
  }
}
