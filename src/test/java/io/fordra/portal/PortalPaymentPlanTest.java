package io.fordra.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.paymentplan.PaymentPlanView;
import io.fordra.paymentplan.PaymentPlans;
import io.fordra.paymentplan.PlanKind;
import io.fordra.paymentplan.PlanRequest;
import io.fordra.paymentplan.PlanStatus;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The portal's payment-plan pages over HTTP: the actions on open invoices, the request form and its checks (own open
 * invoices only, financial users only, CSRF), what reaches PaymentPlans (a mock: the door only) and the pages that
 * show what came back.
 */
@FordraTestContext
class PortalPaymentPlanTest extends ProcessTestSupport {

  private static final String PASSWORD = "a long pass phrase 42";

  @MockitoBean PaymentPlans plans;
  // PaymentPlanService is both ports: mocking one of them replaces it, so the other is mocked too.
  @MockitoBean io.fordra.paymentplan.PlanLifecycle lifecycle;
  @MockitoBean io.fordra.paymentplan.PlanLetters letters;
  @Autowired PortalUsers portalUsers;

  private CustomerRequest customer;
  private Invoice sent;
  private Invoice paid;
  private Invoice foreign;
  private String eva;
  private String bo;

  @BeforeEach
  void customerInvoicesAndUsers() {
    customer = customer(CustomerType.PRIVATE, Country.SE, false, true);
    sent = createInvoice(customer, Currency.SEK);
    paid = createInvoice(customer, Currency.SEK);
    CustomerRequest other = customer(CustomerType.PRIVATE, Country.SE, false, true);
    foreign = createInvoice(other, Currency.SEK);
    executeDueJobs();
    pay(paid, "1250.00");
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    eva = "eva." + suffix;
    bo = "bo." + suffix;
    portalUsers.create(customer.customerNumber(), new PortalUserRequest(eva, "Eva Ek", null, PASSWORD, false, true,
        "sv"), "test");
    portalUsers.create(customer.customerNumber(), new PortalUserRequest(bo, "Bo Berg", null, PASSWORD, false, false,
        "en"), "test");
  }

  @Test
  void aFinancialUserAsksForInstalmentsAndSeesThePlanThatCameBack() {
    PortalBrowser browser = loggedIn(eva);
    String page = browser.get("/portal/invoices/" + sent.invoiceNumber()).body();
    assertThat(page).contains("id=\"ask-instalments\"", "Betala i delar", "id=\"ask-deferral\"", "Be om anstånd");
    assertThat(browser.get("/portal/invoices/" + paid.invoiceNumber()).body()).doesNotContain("ask-instalments");
    String list = browser.get("/portal/invoices").body();
    assertThat(list).contains("id=\"nav-payment-plans\"", "Betalningsplaner",
        "/portal/payment-plans/new?kind=INSTALMENTS&amp;invoice=" + sent.invoiceNumber());

    HttpResponse<String> form = browser.get("/portal/payment-plans/new?kind=INSTALMENTS&invoice="
        + sent.invoiceNumber());
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("id=\"plan-form\"", "value=\"" + sent.invoiceNumber() + "\" checked",
        "<option value=\"12\">12</option>", "name=\"_csrf\"")
        .doesNotContain(paid.invoiceNumber(), foreign.invoiceNumber(), "<option value=\"13\"");

    PaymentPlanView running = plan(41, PlanStatus.RUNNING, sent, null);
    when(plans.request(any())).thenReturn(running);
    when(plans.find(41)).thenReturn(Optional.of(running));
    HttpResponse<String> asked = browser.post("/portal/payment-plans", Map.of("kind", "INSTALMENTS",
        "invoice", sent.invoiceNumber(), "instalments", "3", "firstDueDate", "2026-04-15",
        "note", "Jag blev sjuk i mars"));
    assertThat(asked.statusCode()).isEqualTo(303);
    assertThat(asked.headers().firstValue("Location").orElseThrow()).isEqualTo("/portal/payment-plans/PP-41?sent=1");
    ArgumentCaptor<PlanRequest> request = ArgumentCaptor.forClass(PlanRequest.class);
    verify(plans).request(request.capture());
    assertThat(request.getValue()).isEqualTo(new PlanRequest(customer.customerNumber(),
        List.of(sent.invoiceNumber()), PlanKind.INSTALMENTS, 3, LocalDate.of(2026, 4, 15), null,
        "Jag blev sjuk i mars", PlanRequest.RequestedBy.CUSTOMER, eva));

    String result = browser.get("/portal/payment-plans/PP-41?sent=1").body();
    assertThat(result).contains("id=\"plan-sent\"", "data-status=\"RUNNING\"", "Din plan är godkänd",
        "3\u00a0056,66 SEK", "3\u00a0056,68 SEK", "9000000011", "9000000029", "9000000037", "2026-06-15",
        "Avgift för betalningsplan", "170,00 SEK", "Dröjsmålsränta löper");
    assertThat(result.split("class=\"instalment\"", -1)).hasSize(4);

    when(plans.ofCustomer(customer.customerNumber())).thenReturn(List.of(running));
    String plansPage = browser.get("/portal/payment-plans").body();
    assertThat(plansPage).contains("data-plan-number=\"PP-41\"", "Pågår", "2026-04-15", "9\u00a0170,00 SEK");
  }

  @Test
  void theActionsInNorwegianAndEnglish() {
    PortalBrowser browser = loggedIn(eva);
    browser.get("/portal/invoices");
    assertThat(browser.post("/portal/language", Map.of("lang", "nb", "back", "/portal/invoices")).statusCode())
        .isEqualTo(303);
    assertThat(browser.get("/portal/invoices/" + sent.invoiceNumber()).body())
        .contains(">Nedbetalingsplan</a>", ">Be om betalingsutsettelse</a>", "Nedbetalingsplaner");
    assertThat(browser.get("/portal/payment-plans/new?kind=DEFERRAL&invoice=" + sent.invoiceNumber()).body())
        .contains("Ny betalingsfrist");
    assertThat(browser.post("/portal/language", Map.of("lang", "en", "back", "/portal/invoices")).statusCode())
        .isEqualTo(303);
    assertThat(browser.get("/portal/invoices/" + sent.invoiceNumber()).body())
        .contains(">Pay in instalments</a>", ">Ask for more time</a>", ">Payment plans</a>");
  }

  @Test
  void aDeferralAndWhatAPendingOrRefusedRequestSays() {
    PortalBrowser browser = loggedIn(eva);
    String form = browser.get("/portal/payment-plans/new?kind=DEFERRAL&invoice=" + sent.invoiceNumber()).body();
    assertThat(form).contains("Be om anstånd", "id=\"plan-defer-to\"", "name=\"invoice\" value=\""
        + sent.invoiceNumber() + "\"");
    when(plans.request(any())).thenReturn(plan(7, PlanStatus.REQUESTED, sent, LocalDate.of(2026, 5, 15)));
    HttpResponse<String> asked = browser.post("/portal/payment-plans", Map.of("kind", "DEFERRAL",
        "invoice", sent.invoiceNumber(), "deferTo", "2026-05-15", "note", ""));
    assertThat(asked.statusCode()).isEqualTo(303);
    ArgumentCaptor<PlanRequest> request = ArgumentCaptor.forClass(PlanRequest.class);
    verify(plans).request(request.capture());
    assertThat(request.getValue()).isEqualTo(new PlanRequest(customer.customerNumber(),
        List.of(sent.invoiceNumber()), PlanKind.DEFERRAL, null, null, LocalDate.of(2026, 5, 15), null,
        PlanRequest.RequestedBy.CUSTOMER, eva));

    when(plans.find(7)).thenReturn(Optional.of(plan(7, PlanStatus.REQUESTED, sent, LocalDate.of(2026, 5, 15))));
    assertThat(browser.get("/portal/payment-plans/PP-7").body()).contains("data-status=\"REQUESTED\"",
        "En handläggare beslutar om din begäran").doesNotContain("id=\"instalments\"");
    PaymentPlanView refused = plan(7, PlanStatus.REFUSED, sent, LocalDate.of(2026, 5, 15));
    when(plans.find(7)).thenReturn(Optional.of(new PaymentPlanView(refused.id(), refused.planNumber(),
        refused.customerNumber(), refused.kind(), refused.status(), refused.currency(), refused.invoiceNumbers(),
        refused.openAmount(), refused.fee(), refused.totalAmount(), refused.paidAmount(), null, null,
        refused.deferTo(), null, true, PlanRequest.RequestedBy.CUSTOMER, "anna.handlaggare",
        "Fakturan är redan hos inkassobolaget", refused.createdAt(), List.of())));
    assertThat(browser.get("/portal/payment-plans/PP-7").body())
        .contains("Din begäran avslogs: Fakturan är redan hos inkassobolaget");
  }

  @Test
  void anotherCustomersInvoiceAPaidOneAndBadValuesAreRefusedOnTheFormAndNothingIsAsked() {
    PortalBrowser browser = loggedIn(eva);
    browser.get("/portal/payment-plans/new?kind=INSTALMENTS");
    HttpResponse<String> foreignInvoice = browser.post("/portal/payment-plans", Map.of("kind", "INSTALMENTS",
        "invoice", foreign.invoiceNumber(), "instalments", "3"));
    assertThat(foreignInvoice.statusCode()).isEqualTo(400);
    assertThat(foreignInvoice.body()).contains("id=\"form-errors\"",
        foreign.invoiceNumber() + " är inte en av era obetalda fakturor");
    HttpResponse<String> bad = browser.post("/portal/payment-plans", Map.of("kind", "INSTALMENTS",
        "invoice", paid.invoiceNumber(), "instalments", "tre", "firstDueDate", "2026-02-30", "note", "x"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains(paid.invoiceNumber() + " är inte en av era obetalda fakturor",
        "Antal delbetalningar: tre är inget heltal", "Första förfallodag: 2026-02-30 är inget datum");
    assertThat(browser.post("/portal/payment-plans", Map.of("kind", "INSTALMENTS", "invoice", "F;1/../x",
        "instalments", "0")).body()).contains("F;1/../x är inte en av era obetalda fakturor",
        "Antal delbetalningar: must be 1 to 12, but was 0");
    assertThat(browser.post("/portal/payment-plans", Map.of("kind", "DEFERRAL", "invoice", sent.invoiceNumber()))
        .body()).contains("Nytt datum: is required");
    assertThat(browser.post("/portal/payment-plans", Map.of("kind", "INSTALMENTS", "instalments", "2")).body())
        .contains("Fakturor: is required");
    // Without the form's token: refused before the portal's controller sees it.
    assertThat(browser.postRaw("/portal/payment-plans", Map.of("kind", "INSTALMENTS", "invoice",
        sent.invoiceNumber(), "instalments", "3")).statusCode()).isEqualTo(403);
    assertThat(browser.get("/portal/payment-plans/new?kind=INSTALMENTS&invoice=" + foreign.invoiceNumber())
        .statusCode()).isEqualTo(404);
    assertThat(browser.get("/portal/payment-plans/new?kind=DEFERRAL&invoice=" + paid.invoiceNumber())
        .statusCode()).isEqualTo(404);
    verify(plans, never()).request(any());

    // The plans' own reasons, on the form.
    when(plans.request(any())).thenThrow(new InvalidRequestException("instalments",
        "3 instalments of 1250.00 SEK would be 416.66 each, below the minimum instalment of 500.00 SEK"));
    browser.get("/portal/payment-plans/new?kind=INSTALMENTS");
    HttpResponse<String> refused = browser.post("/portal/payment-plans", Map.of("kind", "INSTALMENTS",
        "invoice", sent.invoiceNumber(), "instalments", "3"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Antal delbetalningar: 3 instalments of 1250.00 SEK would be 416.66 each",
        "value=\"" + sent.invoiceNumber() + "\" checked");
  }

  @Test
  void onlyFinancialUsersAndOnlyTheirOwnCustomersPlans() {
    PortalBrowser clerk = loggedIn(bo);
    assertThat(clerk.get("/portal/invoices/" + sent.invoiceNumber()).body()).doesNotContain("ask-instalments",
        "nav-payment-plans");
    HttpResponse<String> forbidden = clerk.get("/portal/payment-plans/new?kind=INSTALMENTS");
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).contains("Only users with the financial permission may do this");
    assertThat(clerk.get("/portal/payment-plans").statusCode()).isEqualTo(403);
    assertThat(clerk.post("/portal/payment-plans", Map.of("kind", "INSTALMENTS", "invoice", sent.invoiceNumber(),
        "instalments", "3")).statusCode()).isEqualTo(403);
    verify(plans, never()).request(any());

    PortalBrowser browser = loggedIn(eva);
    when(plans.find(9)).thenReturn(Optional.of(plan(9, PlanStatus.RUNNING, foreign, null)));
    assertThat(browser.get("/portal/payment-plans/PP-9").statusCode()).as("another customer's plan").isEqualTo(404);
    for (String number : List.of("PP-0", "pp-1", "PP-1x", "F-1")) {
      assertThat(browser.get("/portal/payment-plans/" + number).statusCode()).as(number).isEqualTo(404);
    }
    verify(plans, never()).find(org.mockito.ArgumentMatchers.longThat(id -> id != 9));
    when(plans.ofCustomer(any())).thenReturn(List.of());
    assertThat(browser.get("/portal/payment-plans").body()).contains("id=\"no-plans\"");
    verify(plans).ofCustomer(customer.customerNumber());
  }

  private PaymentPlanView plan(long id, PlanStatus status, Invoice invoice, LocalDate deferTo) {
    boolean running = status == PlanStatus.RUNNING;
    return new PaymentPlanView(id, PaymentPlanView.planNumber(id), invoice.customerNumber(),
        deferTo == null ? PlanKind.INSTALMENTS : PlanKind.DEFERRAL, status, "SEK", List.of(invoice.invoiceNumber()),
        new BigDecimal("9000.00"), new BigDecimal(running ? "170.00" : "0.00"),
        new BigDecimal(running ? "9170.00" : "9000.00"), new BigDecimal("0.00"), deferTo == null ? 3 : null,
        deferTo == null ? LocalDate.of(2026, 4, 15) : null, deferTo, "Jag blev sjuk i mars", true,
        PlanRequest.RequestedBy.CUSTOMER, running ? "payment-plan-policy" : null, running ? "within policy" : null,
        Instant.parse("2026-03-10T08:00:00Z"), !running ? List.of() : List.of(
            new PaymentPlanView.InstalmentView(1, LocalDate.of(2026, 4, 15), new BigDecimal("3056.66"), "9000000011",
                new BigDecimal("0.00"), "OPEN"),
            new PaymentPlanView.InstalmentView(2, LocalDate.of(2026, 5, 15), new BigDecimal("3056.66"), "9000000029",
                new BigDecimal("0.00"), "OPEN"),
            new PaymentPlanView.InstalmentView(3, LocalDate.of(2026, 6, 15), new BigDecimal("3056.68"), "9000000037",
                new BigDecimal("0.00"), "OPEN")));
  }

  private PortalBrowser loggedIn(String username) {
    PortalBrowser browser = new PortalBrowser(port);
    assertThat(browser.login(username, PASSWORD).statusCode()).isEqualTo(303);
    return browser;
  }
}
