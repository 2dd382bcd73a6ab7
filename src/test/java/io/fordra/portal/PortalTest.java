package io.fordra.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.dispute.DisputeService;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.invoice.InvoiceView;
import io.fordra.invoice.Money;
import io.fordra.invoice.InvoiceToCash;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer portal over HTTP: login, own invoices only, filter and sort, permissions, documents, objections. */
@FordraTestContext
class PortalTest extends ProcessTestSupport {

  private static final String PASSWORD = "lösenord med mellanslag";

  @Autowired PortalUsers portalUsers;
  @Autowired DisputeService disputes;

  private CustomerRequest customerA;
  private CustomerRequest customerB;
  private Invoice january;
  private Invoice february;
  private Invoice march;
  private Invoice foreign;
  private String admin;
  private String clerk;
  private PortalUser clerkUser;

  @BeforeEach
  void customersInvoicesAndUsers() {
    customerA = customer(CustomerType.BUSINESS, Country.SE, false, true);
    customerB = customer(CustomerType.BUSINESS, Country.SE, false, true);
    // Numbers in the opposite order of issue dates, so that sorting by number and by date differ.
    String prefix = "P-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    january = invoice(prefix + "3", customerA, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 4, 20), "PO-JAN", "PO-JAN2");
    february = invoice(prefix + "2", customerA, LocalDate.of(2026, 2, 15), LocalDate.of(2026, 4, 10), "PO-FEB");
    march = invoice(prefix + "1", customerA, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1), "PO-MAR");
    foreign = invoice(prefix + "9", customerB, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 1), "PO-B");
    admin = "anna." + prefix.toLowerCase().substring(2, 8);
    clerk = "bo." + prefix.toLowerCase().substring(2, 8);
    portalUsers.create(customerA.customerNumber(), new PortalUserRequest(admin, "Anna Admin", null, PASSWORD, true,
        false, "sv"), "test");
    clerkUser = portalUsers.create(customerA.customerNumber(), new PortalUserRequest(clerk, "Bo Berg", null, PASSWORD,
        false, false, "sv"), "test");
    portalUsers.create(customerB.customerNumber(), new PortalUserRequest("other." + prefix.toLowerCase().substring(2, 8),
        "Other", null, PASSWORD, true, true, "en"), "test");
  }

  @Test
  void loginFailsWithAWrongPasswordAndSucceedsWithTheRightOne() {
    PortalBrowser browser = browser();
    HttpResponse<String> anonymous = browser.get("/portal/invoices");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/portal/login");

    HttpResponse<String> loginPage = browser.get("/portal/login");
    assertThat(loginPage.body()).contains("<html lang=\"sv\"", "Logga in", "id=\"login-form\"", "name=\"username\"");

    HttpResponse<String> wrong = browser.login(clerk, PASSWORD + "x");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("id=\"login-error\"");
    assertThat(browser.login("nobody-at-all", PASSWORD).statusCode()).isEqualTo(401);
    assertThat(browser.get("/portal/invoices").statusCode()).as("still not logged in").isEqualTo(302);

    HttpResponse<String> ok = browser.login(clerk.toUpperCase(), PASSWORD);
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.headers().firstValue("Location").orElseThrow()).isEqualTo("/portal/invoices");
    assertThat(ok.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("FORDRA_PORTAL=")
        .contains("HttpOnly", "SameSite=Lax", "Path=/portal"));
    HttpResponse<String> list = browser.get("/portal/invoices");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("id=\"invoice-list\"", "Fakturanr", "Bo Berg");

    // Language switch: stored on the user.
    assertThat(browser.post("/portal/language", Map.of("lang", "nb", "back", "/portal/invoices")).statusCode())
        .isEqualTo(303);
    assertThat(browser.get("/portal/invoices").body()).contains("<html lang=\"nb\"", "Fakturaer", "Forfallsdato");
    assertThat(portalUsers.find(clerkUser.id()).orElseThrow().language()).isEqualTo("nb");
    assertThat(browser.post("/portal/language", Map.of("lang", "en")).statusCode()).isEqualTo(303);
    assertThat(browser.get("/portal/invoices").body()).contains("<html lang=\"en\"", "Due date");

    assertThat(browser.post("/portal/logout", Map.of()).statusCode()).isEqualTo(303);
    assertThat(browser.get("/portal/invoices").statusCode()).isEqualTo(302);
  }

  @Test
  void fiveWrongPasswordsInARowLockTheUserForFifteenMinutes() {
    PortalBrowser browser = browser();
    for (int attempt = 1; attempt <= 4; attempt++) {
      assertThat(browser.login(clerk, "wrong " + attempt).statusCode()).isEqualTo(401);
    }
    // A right password resets the count: four more wrong ones do not lock yet.
    assertThat(browser().login(clerk, PASSWORD).statusCode()).isEqualTo(303);
    for (int attempt = 1; attempt <= 4; attempt++) {
      assertThat(browser.login(clerk, "wrong again " + attempt).statusCode()).isEqualTo(401);
    }
    assertThat(browser().login(clerk, PASSWORD).statusCode()).isEqualTo(303);

    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(browser.login(clerk, "guess " + attempt).statusCode()).isEqualTo(401);
    }
    assertThat(browser().login(clerk, PASSWORD).statusCode()).as("locked: even the right password").isEqualTo(401);
    assertThat(browser().login(admin, PASSWORD).statusCode()).as("another user is not locked").isEqualTo(303);
    at(LocalDate.of(2026, 3, 2), java.time.LocalTime.of(9, 14));
    assertThat(browser().login(clerk, PASSWORD).statusCode()).as("14 minutes later").isEqualTo(401);
    at(LocalDate.of(2026, 3, 2), java.time.LocalTime.of(9, 16));
    assertThat(browser().login(clerk, PASSWORD).statusCode()).as("after the lockout").isEqualTo(303);
  }

  @Test
  void theListShowsOnlyTheOwnCustomersInvoicesFilteredAndSorted() {
    PortalBrowser browser = loggedIn(clerk);
    String all = browser.get("/portal/invoices").body();
    // Newest issue date first by default; another customer's invoice never.
    assertThat(numbers(all)).containsExactly(march.invoiceNumber(), february.invoiceNumber(), january.invoiceNumber());
    assertThat(all).doesNotContain(foreign.invoiceNumber(), "PO-B");
    assertThat(all).contains("PO-JAN, PO-JAN2", "2026-04-20", "data-status=\"" + reload(january).status() + "\"");

    // A new invoice is in the list at once.
    Invoice fresh = invoice(march.invoiceNumber() + "-N", customerA, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1),
        "PO-NEW");
    assertThat(numbers(browser.get("/portal/invoices").body())).contains(fresh.invoiceNumber());

    HttpResponse<String> februaryOnly = browser.get("/portal/invoices?from=2026-02-01&to=2026-02-28");
    assertThat(numbers(februaryOnly.body())).containsExactly(february.invoiceNumber());
    assertThat(februaryOnly.body()).contains("name=\"from\"", "value=\"2026-02-01\"");
    assertThat(numbers(browser.get("/portal/invoices?from=2026-02-01").body()))
        .containsExactlyInAnyOrder(march.invoiceNumber(), february.invoiceNumber(), fresh.invoiceNumber());
    assertThat(numbers(browser.get("/portal/invoices?to=2026-01-31").body())).containsExactly(january.invoiceNumber());

    assertThat(numbers(browser.get("/portal/invoices?sort=number&dir=asc&to=2026-02-28").body()))
        .containsExactly(february.invoiceNumber(), january.invoiceNumber());
    assertThat(numbers(browser.get("/portal/invoices?sort=due_date&dir=asc&to=2026-02-28").body()))
        .containsExactly(february.invoiceNumber(), january.invoiceNumber());
    assertThat(numbers(browser.get("/portal/invoices?sort=due_date&dir=desc&to=2026-02-28").body()))
        .containsExactly(january.invoiceNumber(), february.invoiceNumber());
    assertThat(numbers(browser.get("/portal/invoices?sort=issue_date&dir=asc").body()))
        .startsWith(january.invoiceNumber(), february.invoiceNumber());

    HttpResponse<String> bad = browser.get("/portal/invoices?from=2026-13-01");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("id=\"form-errors\"");
  }

  @Test
  void anotherCustomersInvoiceAndDocumentAreNotFound() {
    executeDueJobs();
    PortalBrowser browser = loggedIn(clerk);
    long foreignDocument = documentIds(loggedIn("other." + admin.substring(5)).get("/portal/invoices/"
        + foreign.invoiceNumber()).body()).get(0);

    assertThat(browser.get("/portal/invoices/" + foreign.invoiceNumber()).statusCode()).isEqualTo(404);
    assertThat(browser.get("/portal/invoices/NO-SUCH-INVOICE").statusCode()).isEqualTo(404);
    assertThat(browser.getBytes("/portal/invoices/" + foreign.invoiceNumber() + "/documents/" + foreignDocument)
        .statusCode()).isEqualTo(404);
    assertThat(browser.getBytes("/portal/invoices/" + march.invoiceNumber() + "/documents/" + foreignDocument)
        .statusCode()).as("another invoice's document under an own invoice").isEqualTo(404);
    HttpResponse<String> objection = browser.post("/portal/invoices/" + foreign.invoiceNumber() + "/objections",
        Map.of("scope", "whole", "reason", "not ours"));
    assertThat(objection.statusCode()).isEqualTo(404);
    assertThat(disputes.latestFor(foreign)).isEmpty();
  }

  @Test
  void invoicePageShowsLinesAndDocumentsAndTheStoredPdfDownloads() {
    executeDueJobs();
    PortalBrowser browser = loggedIn(clerk);
    String page = browser.get("/portal/invoices/" + january.invoiceNumber()).body();
    assertThat(page).contains("id=\"invoice-lines\"", "Konsulttimmar", "PO-JAN", "PO-JAN2",
        "id=\"invoice-period\"", "2026-01-10");
    List<Long> ids = documentIds(page);
    assertThat(ids).isNotEmpty();
    HttpResponse<byte[]> pdf = browser.getBytes("/portal/invoices/" + january.invoiceNumber() + "/documents/"
        + ids.get(0));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  /** Issue 15: the period of supply the PDF states is on the invoice's page too. */
  @Test
  void theInvoicePageStatesThePeriodOfSupply() {
    Invoice february = invoices.create(new InvoiceRequest(january.invoiceNumber() + "-P", customerA.customerNumber(),
        null, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1), Currency.SEK,
        List.of(new InvoiceRequest.LineRequest("Konsulttimmar", BigDecimal.ONE, new BigDecimal("1200.00"),
            new BigDecimal("25"), null, "PO-P")), null, null, null,
        new InvoiceRequest.Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))));

    String page = loggedIn(clerk).get("/portal/invoices/" + february.invoiceNumber()).body();

    assertThat(page).contains("id=\"invoice-supply\"", "Leveransperiod", "2026-02-01 – 2026-02-28");
    assertThat(loggedIn(clerk).get("/portal/invoices/" + january.invoiceNumber()).body())
        .as("supplied on the issue date: nothing more to say").doesNotContain("invoice-supply");
  }

  @Test
  void quantitiesUseTheSameNumberFormatAsTheAmountsBesideThem() {
    Invoice halfHours = invoices.create(new InvoiceRequest(january.invoiceNumber() + "-Q", customerA.customerNumber(),
        null, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1), Currency.SEK,
        List.of(new InvoiceRequest.LineRequest("Konsulttimmar", new BigDecimal("7.5"), new BigDecimal("1200.00"),
            new BigDecimal("25"), null, "PO-Q")), null, null));

    String financial = "fin." + clerk.substring(3);
    portalUsers.create(customerA.customerNumber(), new PortalUserRequest(financial, "Frida Fin", null, PASSWORD, false,
        true, "sv"), "test");

    String page = loggedIn(financial).get("/portal/invoices/" + halfHours.invoiceNumber()).body();

    // A user with financial details sees the prices beside the quantity; Swedish: decimal comma and no-break space for thousands in both columns.
    assertThat(page).contains("<td class=\"amount quantity\">7,5</td>", "1\u00a0200,00 SEK", "9\u00a0000,00 SEK")
        .doesNotContain(">7.5<");
  }

  @Test
  void financialDetailsShowOnlyWhileTheAdministratorGrantsThePermission() {
    PortalBrowser bo = loggedIn(clerk);
    String amount = Money.format(new BigDecimal("1250.00"), "sv");
    String hidden = bo.get("/portal/invoices/" + march.invoiceNumber()).body();
    assertThat(hidden).contains("id=\"financial-hidden\"").doesNotContain("id=\"financial-details\"", amount,
        "id=\"open-amount\"");
    assertThat(bo.get("/portal/invoices").body()).doesNotContain(amount);

    // A non-administrator does not see or reach the users page.
    assertThat(bo.get("/portal/invoices").body()).doesNotContain("id=\"nav-users\"");
    assertThat(bo.get("/portal/users").statusCode()).isEqualTo(403);
    bo.get("/portal/invoices");
    assertThat(bo.post("/portal/users/" + clerkUser.id() + "/financial", Map.of("financial", "true")).statusCode())
        .isEqualTo(403);
    assertThat(portalUsers.find(clerkUser.id()).orElseThrow().financial()).isFalse();

    PortalBrowser anna = loggedIn(admin);
    assertThat(anna.get("/portal/invoices").body()).contains("id=\"nav-users\"");
    String users = anna.get("/portal/users").body();
    assertThat(users).contains("id=\"user-list\"", "id=\"grant-" + clerk + "\"");
    assertThat(anna.post("/portal/users/" + clerkUser.id() + "/financial", Map.of("financial", "true")).statusCode())
        .isEqualTo(303);
    assertThat(anna.get("/portal/users").body()).contains("id=\"revoke-" + clerk + "\"");

    String shown = bo.get("/portal/invoices/" + march.invoiceNumber()).body();
    assertThat(shown).contains("id=\"financial-details\"", "id=\"open-amount\">" + amount + " SEK",
        "id=\"vat-amount\">" + Money.format(new BigDecimal("250.00"), "sv") + " SEK").doesNotContain("financial-hidden");

    anna.get("/portal/users");
    assertThat(anna.post("/portal/users/" + clerkUser.id() + "/financial", Map.of("financial", "false")).statusCode())
        .isEqualTo(303);
    assertThat(bo.get("/portal/invoices/" + march.invoiceNumber()).body()).contains("id=\"financial-hidden\"")
        .doesNotContain("id=\"financial-details\"", amount);
  }

  @Test
  void theAdministratorCreatesAndDisablesUsersOfTheOwnCustomerOnly() {
    PortalBrowser anna = loggedIn(admin);
    anna.get("/portal/users");
    String carl = "carl." + admin.substring(5);
    HttpResponse<String> tooShort = anna.post("/portal/users", Map.of("username", carl, "name", "Carl",
        "password", "kort", "language", "sv"));
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(tooShort.body()).contains("id=\"form-errors\"");
    assertThat(anna.post("/portal/users", Map.of("username", carl, "name", "Carl Carlsson", "password", PASSWORD,
        "financial", "true", "language", "en")).statusCode()).isEqualTo(303);
    assertThat(anna.get("/portal/users").body()).contains("id=\"user-" + carl + "\"", "Carl Carlsson");
    PortalUser created = portalUsers.ofCustomer(customerA.customerNumber()).stream()
        .filter(u -> u.username().equals(carl)).findFirst().orElseThrow();
    assertThat(created.financial()).isTrue();
    assertThat(created.administrator()).isFalse();

    PortalBrowser carlBrowser = loggedIn(carl);
    assertThat(carlBrowser.get("/portal/invoices").body()).contains("<html lang=\"en\"");

    // Another customer's user: 404 to this administrator.
    PortalUser otherCustomers = portalUsers.ofCustomer(customerB.customerNumber()).get(0);
    anna.get("/portal/users");
    assertThat(anna.post("/portal/users/" + otherCustomers.id() + "/disable", Map.of()).statusCode()).isEqualTo(404);
    assertThat(portalUsers.find(otherCustomers.id()).orElseThrow().disabled()).isFalse();

    anna.get("/portal/users");
    assertThat(anna.post("/portal/users/" + created.id() + "/disable", Map.of()).statusCode()).isEqualTo(303);
    assertThat(carlBrowser.get("/portal/invoices").statusCode()).as("the disabled user's session ends").isEqualTo(302);
    assertThat(carlBrowser.login(carl, PASSWORD).statusCode()).isEqualTo(401);
  }

  @Test
  void anObjectionFromThePortalReachesTheInvoiceProcessAndItsStatusShows() {
    executeDueJobs();
    ProcessInstance process = processOf(march);
    PortalBrowser bo = loggedIn(clerk);
    String page = bo.get("/portal/invoices/" + march.invoiceNumber()).body();
    assertThat(page).contains("id=\"objection-form\"", "name=\"reason\"", "name=\"scope\"");

    HttpResponse<String> tooMuch = bo.post("/portal/invoices/" + march.invoiceNumber() + "/objections",
        Map.of("scope", "part", "amount", "5000,00", "reason", "Fel antal"));
    assertThat(tooMuch.statusCode()).isEqualTo(400);
    assertThat(tooMuch.body()).contains("id=\"form-errors\"");
    assertThat(disputes.latestFor(march)).isEmpty();

    bo.get("/portal/invoices/" + march.invoiceNumber());
    HttpResponse<String> raised = bo.post("/portal/invoices/" + march.invoiceNumber() + "/objections",
        Map.of("scope", "part", "amount", "300,00", "reason", "Fel antal timmar"));
    assertThat(raised.statusCode()).isEqualTo(303);
    executeDueJobs();

    assertThat(process).isWaitingAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION);
    InvoiceView.DisputeView dispute = disputes.latestFor(march).orElseThrow();
    assertThat(dispute.raisedBy()).isEqualTo("CUSTOMER");
    assertThat(dispute.disputedAmount()).isEqualByComparingTo("300.00");
    assertThat(reload(march).disputedAmount()).isEqualByComparingTo("300.00");

    String after = bo.get(raised.headers().firstValue("Location").orElseThrow()).body();
    assertThat(after).contains("id=\"objection-sent\"", "data-status=\"OPEN\"", "id=\"objection-deadline\">2026-03-16",
        "Fel antal timmar").doesNotContain("id=\"objection-form\"");
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefused() {
    executeDueJobs();
    PortalBrowser bo = loggedIn(clerk);
    bo.get("/portal/invoices/" + march.invoiceNumber());
    String path = "/portal/invoices/" + march.invoiceNumber() + "/objections";
    assertThat(bo.postRaw(path, Map.of("scope", "whole", "reason", "no token")).statusCode()).isEqualTo(403);
    assertThat(bo.postRaw(path, Map.of("scope", "whole", "reason", "wrong", "_csrf", "forged")).statusCode())
        .isEqualTo(403);
    assertThat(disputes.latestFor(march)).isEmpty();
    assertThat(bo.postRaw("/portal/logout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(bo.get("/portal/invoices").statusCode()).as("still logged in").isEqualTo(200);

    // The login form has its own token too.
    PortalBrowser fresh = browser();
    fresh.get("/portal/login");
    assertThat(fresh.postRaw("/portal/login", Map.of("username", clerk, "password", PASSWORD)).statusCode())
        .isEqualTo(403);
    // A token of one session is worthless in another.
    PortalBrowser anna = loggedIn(admin);
    anna.get("/portal/invoices");
    assertThat(anna.postRaw(path, Map.of("scope", "whole", "reason", "x", "_csrf", bo.csrfToken())).statusCode())
        .isEqualTo(403);
  }

  private PortalBrowser browser() {
    return new PortalBrowser(port);
  }

  private PortalBrowser loggedIn(String username) {
    PortalBrowser browser = browser();
    assertThat(browser.login(username, PASSWORD).statusCode()).as("login of " + username).isEqualTo(303);
    return browser;
  }

  private Invoice invoice(String number, CustomerRequest customer, LocalDate issue, LocalDate due,
                          String... orderReferences) {
    List<InvoiceRequest.LineRequest> lines = new ArrayList<>();
    BigDecimal quantity = new BigDecimal(4).divide(new BigDecimal(orderReferences.length));
    for (String reference : orderReferences) {
      lines.add(new InvoiceRequest.LineRequest("Konsulttimmar", quantity, new BigDecimal("250.00"),
          new BigDecimal("25"), null, reference));
    }
    return invoices.create(new InvoiceRequest(number, customer.customerNumber(), customer, issue, due, Currency.SEK,
        lines, null, null));
  }

  private static List<String> numbers(String page) {
    Matcher m = Pattern.compile("data-invoice-number=\"([^\"]+)\"").matcher(page);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static List<Long> documentIds(String page) {
    Matcher m = Pattern.compile("id=\"document-(\\d+)\"").matcher(page);
    List<Long> found = new ArrayList<>();
    while (m.find()) {
      found.add(Long.parseLong(m.group(1)));
    }
    return found;
  }
}
