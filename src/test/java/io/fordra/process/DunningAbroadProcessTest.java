package io.fordra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.InvoiceToCash;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * invoice-to-cash for debtors abroad, on the engine: the dunning policy gets the debtor group and the law of the claim,
 * a German business's first reminder claims the EUR 40 compensation (once), a Finnish person's carries no fee.
 */
@FordraTestContext
class DunningAbroadProcessTest extends ProcessTestSupport {

  private static final LocalDate OVERDUE = LocalDate.of(2026, 4, 2);
  private static final LocalDate FIRST_RUN = LocalDate.of(2026, 4, 15);

  @Autowired HistoryService history;

  @Test
  void aGermanBusinessIsRemindedWithTheEur40CompensationOnceAndNoStatutoryFee() {
    Invoice invoice = create(abroad(CustomerType.BUSINESS, Country.DE, "HRB 12345", "DE123456789", "10117",
        "Berlin"), "0");
    ProcessInstance process = processOf(invoice);
    executeDueJobs();

    advanceTo(OVERDUE);
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));

    Invoice reminded = reload(invoice);
    assertThat(reminded.status()).isEqualTo(InvoiceStatus.REMINDED);
    assertThat(reminded.feesAmount()).isEqualByComparingTo("40.00");
    assertThat(reminded.openAmount()).isEqualByComparingTo("1040.00");
    assertThat(reminded.payBy()).isEqualTo(FIRST_RUN.plusDays(14));
    assertThat(invoices.events(reminded)).extracting(InvoiceEvent::message)
        .contains("fixed compensation for recovery costs (directive 2011/7/EU art. 6) 40.00 EUR");
    assertThat(inputsOfFirstDecision(process)).containsEntry("debtorGroup", "EU").containsEntry("lawOfClaim", "SE")
        .containsEntry("country", "DE");

    advanceTo(LocalDate.of(2026, 5, 15), LocalTime.of(7, 0));
    Invoice noticed = reload(invoice);
    assertThat(noticed.status()).isEqualTo(InvoiceStatus.COLLECTION_NOTICE_SENT);
    assertThat(noticed.feesAmount()).as("no statutory collection fee abroad, the compensation once")
        .isEqualByComparingTo("40.00");
  }

  @Test
  void aPrivatePersonInFinlandIsRemindedWithoutAFee() {
    Invoice invoice = create(abroad(CustomerType.PRIVATE, Country.FI, null, null, "00100", "Helsinki"), "25");
    ProcessInstance process = processOf(invoice);
    executeDueJobs();

    advanceTo(OVERDUE);
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));

    Invoice reminded = reload(invoice);
    assertThat(reminded.status()).isEqualTo(InvoiceStatus.REMINDED);
    assertThat(reminded.remindersSent()).isEqualTo(1);
    assertThat(reminded.feesAmount()).isEqualByComparingTo("0");
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_DEADLINE);
    assertThat(inputsOfFirstDecision(process)).containsEntry("debtorGroup", "EU").containsEntry("lawOfClaim", "SE");
  }

  private Map<String, Object> inputsOfFirstDecision(ProcessInstance process) {
    List<HistoricDecisionInstance> decisions = history.createHistoricDecisionInstanceQuery()
        .processInstanceId(process.getId()).decisionDefinitionKey(InvoiceToCash.DUNNING_POLICY).includeInputs()
        .orderByEvaluationTime().asc().list();
    Map<String, Object> inputs = new HashMap<>();
    decisions.get(0).getInputs().forEach(i -> inputs.put(i.getClauseName() == null ? i.getClauseId()
        : expression(i.getClauseId()), i.getValue()));
    return inputs;
  }

  /** The variable an input clause of the policy reads (its ids are Input_<Name>). */
  private static String expression(String clauseId) {
    return switch (clauseId) {
      case "Input_Country" -> "country";
      case "Input_DebtorGroup" -> "debtorGroup";
      case "Input_LawOfClaim" -> "lawOfClaim";
      default -> clauseId;
    };
  }

  private Invoice create(CustomerRequest customer, String vatRate) {
    return invoices.create(new InvoiceRequest("X-" + UUID.randomUUID().toString().substring(0, 8),
        customer.customerNumber(), customer, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1), Currency.EUR,
        List.of(new InvoiceRequest.LineRequest("Consulting", BigDecimal.ONE, new BigDecimal("1000.00"),
            new BigDecimal(vatRate), null, "PO-1")), null, null));
  }

  private static CustomerRequest abroad(CustomerType type, Country country, String orgNo, String vatNumber,
                                        String postalCode, String city) {
    String number = "X-" + UUID.randomUUID().toString().substring(0, 8);
    return new CustomerRequest(number, "Kunde " + country, type, false, country, orgNo,
        number.toLowerCase() + "@customer.example", null,
        new CustomerRequest.AddressRequest("Street 1", postalCode, city, null), false, Channel.EMAIL, null, null,
        null, null, null, null, vatNumber);
  }
}
