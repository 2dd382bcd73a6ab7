package io.fordra.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceToCash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * One user per group, each proven over /api, /engine-rest and the webapps' login: what the role may do, and the
 * 403 for what it may not.
 */
@FordraTestContext
class RoleAccessTest extends ProcessTestSupport {

  private static final String PASSWORD = "Role-Password-1";

  @Autowired IdentityService identity;

  private final List<String> users = new ArrayList<>();

  @AfterEach
  void deleteUsers() {
    users.forEach(identity::deleteUser);
  }

  @Test
  void caseHandlerReadsInvoicesAndHandlesObjectionsButNotMoneyNorCockpit() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    RestClient as = as(user("case-handlers"));
    assertThat(status(as, HttpMethod.GET, "/api/invoices/" + invoice.invoiceNumber(), null)).isEqualTo(200);
    assertThat(status(as, HttpMethod.POST, "/api/invoices/" + invoice.invoiceNumber() + "/objections",
        Map.of("reason", "Wrong hours", "raisedBy", "CUSTOMER"))).isEqualTo(201);
    assertThat(status(as, HttpMethod.POST, "/api/payments", payment(invoice))).isEqualTo(403);
    assertThat(status(as, HttpMethod.GET, "/api/reports/aging", null)).isEqualTo(403);
    assertThat(status(as, HttpMethod.GET, "/api/ledger/sie?period=2026-03", null)).isEqualTo(403);
    assertThat(status(as, HttpMethod.POST, "/api/invoices", Map.of())).isEqualTo(403);
    assertThat(webappLogin(users.get(0), "tasklist")).isEqualTo(200);
    assertThat(webappLogin(users.get(0), "cockpit")).isEqualTo(403);
    assertThat(status(as, HttpMethod.PUT, engineRest() + "/job/" + jobOf(invoice) + "/retries", Map.of("retries", 3)))
        .isEqualTo(403);
  }

  @Test
  void financeBooksPaymentsAndReadsTheBooksButCannotMoveTheClockOrOpenCockpit() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    RestClient as = as(user("finance"));
    assertThat(status(as, HttpMethod.POST, "/api/payments", payment(invoice))).isEqualTo(201);
    assertThat(status(as, HttpMethod.GET, "/api/reports/aging", null)).isEqualTo(200);
    assertThat(status(as, HttpMethod.GET, "/api/ledger/sie?period=2026-03", null)).isEqualTo(200);
    assertThat(status(as, HttpMethod.GET, "/api/invoices/" + invoice.invoiceNumber() + "/ledger", null))
        .isEqualTo(200);
    assertThat(status(as, HttpMethod.POST, "/api/simulation/clock", Map.of("advance", "P1D"))).isEqualTo(403);
    assertThat(webappLogin(users.get(0), "tasklist")).isEqualTo(200);
    assertThat(webappLogin(users.get(0), "cockpit")).isEqualTo(403);
  }

  @Test
  void auditorReadsEverythingAndChangesNothing() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    String job = jobOf(invoice);
    String processInstance = processOf(invoice).getId();
    RestClient as = as(user("auditors"));
    assertThat(status(as, HttpMethod.GET, "/api/invoices/" + invoice.invoiceNumber(), null)).isEqualTo(200);
    assertThat(status(as, HttpMethod.GET, "/api/reports/aging", null)).isEqualTo(200);
    assertThat(status(as, HttpMethod.POST, "/api/payments", payment(invoice))).isEqualTo(403);
    assertThat(status(as, HttpMethod.POST, "/api/invoices/" + invoice.invoiceNumber() + "/credit-notes",
        Map.of("reason", "x"))).isEqualTo(403);
    assertThat(as.get().uri(engineRest() + "/history/process-instance?processDefinitionKey=invoice-to-cash"
        + "&processInstanceBusinessKey=" + invoice.invoiceNumber()).retrieve().body(List.class)).hasSize(1);
    assertThat(as.get().uri(engineRest() + "/history/activity-instance?processInstanceId=" + processInstance)
        .retrieve().body(List.class)).isNotEmpty();
    assertThat(status(as, HttpMethod.PUT, engineRest() + "/job/" + job + "/retries", Map.of("retries", 3)))
        .isEqualTo(403);
    assertThat(status(as, HttpMethod.POST, engineRest() + "/process-instance/" + processInstance + "/modification",
        Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", InvoiceToCash.Elements.SEND_INVOICE)))))
        .isEqualTo(403);
    assertThat(status(as, HttpMethod.DELETE, engineRest() + "/process-instance/" + processInstance, null))
        .isEqualTo(403);
    // A standalone job (the history cleanup), which the engine itself does not check: still not for auditors.
    String cleanup = engine.getHistoryService().findHistoryCleanupJobs().get(0).getId();
    assertThat(status(as, HttpMethod.PUT, engineRest() + "/job/" + cleanup + "/retries", Map.of("retries", 3)))
        .isEqualTo(403);
    assertThat(status(as, HttpMethod.POST, engineRest() + "/job/" + cleanup + "/execute", null)).isEqualTo(403);
    assertThat(status(as, HttpMethod.GET, engineRest() + "/job/" + cleanup, null)).isEqualTo(200);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstance).count()).isOne();
    assertThat(webappLogin(users.get(0), "cockpit")).isEqualTo(200);
    assertThat(webappLogin(users.get(0), "tasklist")).isEqualTo(403);
  }

  @Test
  void processOwnerDeploysAndReadsModelsButCannotCancelInstances() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    RestClient as = as(user("process-owners"));
    var deployment = new LinkedMultiValueMap<String, Object>();
    deployment.add("deployment-name", "process-owner-test");
    deployment.add("data", new org.springframework.core.io.ByteArrayResource(("""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <process id="owner-test" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/>
          </process>
        </definitions>""").getBytes()) {
      @Override
      public String getFilename() {
        return "owner-test.bpmn";
      }
    });
    var created = as.post().uri(engineRest() + "/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA)
        .body(deployment).retrieve().toEntity(Map.class);
    assertThat(created.getStatusCode().value()).isEqualTo(200);
    engine.getRepositoryService().deleteDeployment((String) created.getBody().get("id"), true);
    assertThat(as.get().uri(engineRest() + "/process-definition?key=invoice-to-cash&latestVersion=true").retrieve()
        .body(List.class)).hasSize(1);
    assertThat(status(as, HttpMethod.DELETE, engineRest() + "/process-instance/" + processOf(invoice).getId(), null))
        .isEqualTo(403);
    assertThat(status(as, HttpMethod.GET, "/api/invoices/" + invoice.invoiceNumber(), null)).isEqualTo(200);
    assertThat(status(as, HttpMethod.POST, "/api/payments", payment(invoice))).isEqualTo(403);
    assertThat(webappLogin(users.get(0), "cockpit")).isEqualTo(200);
  }

  /**
   * The README's role table, route by route: a role it names gets past the security chain (any answer but 401/403;
   * bodies are malformed on purpose, so nothing changes), every other role gets 403. Administrators may do all.
   */
  @Test
  void everyRoleMayCallWhatTheRoleTableSaysAndNothingElse() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    String n = invoice.invoiceNumber();
    String ch = "case-handlers";
    String fin = "finance";
    String po = "process-owners";
    String aud = "auditors";
    record Route(HttpMethod method, String path, java.util.Set<String> groups) {}
    List<Route> table = List.of(
        new Route(HttpMethod.GET, "/api/invoices", java.util.Set.of(ch, fin, po, aud)),
        new Route(HttpMethod.GET, "/api/invoices/" + n, java.util.Set.of(ch, fin, po, aud)),
        new Route(HttpMethod.GET, "/api/invoices/" + n + "/documents", java.util.Set.of(ch, fin, po, aud)),
        new Route(HttpMethod.GET, "/api/invoices/" + n + "/ledger", java.util.Set.of(fin, aud)),
        new Route(HttpMethod.GET, "/api/customers/" + invoice.customerNumber(), java.util.Set.of(ch, fin, po, aud)),
        new Route(HttpMethod.GET, "/api/reports/aging", java.util.Set.of(fin, aud)),
        new Route(HttpMethod.GET, "/api/ledger/sie?period=2026-03", java.util.Set.of(fin, aud)),
        new Route(HttpMethod.GET, "/api/simulation/clock", java.util.Set.of(ch, fin, po, aud)),
        new Route(HttpMethod.POST, "/api/simulation/clock", java.util.Set.of(po)),
        new Route(HttpMethod.POST, "/api/invoices", java.util.Set.of(fin)),
        new Route(HttpMethod.POST, "/api/customers", java.util.Set.of(fin)),
        new Route(HttpMethod.POST, "/api/articles", java.util.Set.of(fin)),
        new Route(HttpMethod.PUT, "/api/articles/ROLE-1", java.util.Set.of(fin)),
        new Route(HttpMethod.PATCH, "/api/articles/ROLE-1", java.util.Set.of(fin)),
        new Route(HttpMethod.POST, "/api/invoices/" + n + "/objections", java.util.Set.of(ch, fin)),
        new Route(HttpMethod.POST, "/api/invoices/" + n + "/credit-notes", java.util.Set.of(ch, fin)),
        new Route(HttpMethod.POST, "/api/invoices/" + n + "/send", java.util.Set.of(ch, fin)),
        new Route(HttpMethod.POST, "/api/invoices/" + n + "/bounces", java.util.Set.of(ch, fin)),
        new Route(HttpMethod.POST, "/api/invoices/" + n + "/refunds", java.util.Set.of(fin)),
        new Route(HttpMethod.POST, "/api/invoices/" + n + "/write-offs", java.util.Set.of(fin)),
        new Route(HttpMethod.POST, "/api/payments", java.util.Set.of(fin)),
        new Route(HttpMethod.POST, "/api/month-end-closes", java.util.Set.of(fin)),
        new Route(HttpMethod.POST, "/api/month-end-closes/1/reopen", java.util.Set.of(fin)),
        new Route(HttpMethod.POST, "/api/interest-invoicing", java.util.Set.of(fin)),
        new Route(HttpMethod.GET, "/api/interest-rates", java.util.Set.of(fin, aud)),
        new Route(HttpMethod.POST, "/api/interest-rates", java.util.Set.of(fin)),
        new Route(HttpMethod.GET, "/api/dunning-limits", java.util.Set.of(ch, fin, po, aud)),
        new Route(HttpMethod.GET, "/api/dunning-limits/SE", java.util.Set.of(ch, fin, po, aud)),
        new Route(HttpMethod.POST, "/api/dunning-limits/SE", java.util.Set.of(fin)),
        new Route(HttpMethod.PUT, engineRest() + "/job/" + jobOf(invoice) + "/retries", java.util.Set.of()));
    Map<String, RestClient> roles = new java.util.LinkedHashMap<>();
    for (String group : List.of(ch, fin, po, aud)) {
      roles.put(group, as(user(group)));
    }
    List<String> wrong = new ArrayList<>();
    for (Route route : table) {
      for (var role : roles.entrySet()) {
        int status = malformed(role.getValue(), route.method(), route.path());
        boolean allowed = route.groups().contains(role.getKey());
        if (allowed ? status == 401 || status == 403 : status != 403) {
          wrong.add(role.getKey() + " " + route.method() + " " + route.path() + " -> " + status);
        }
      }
      RestClient admin = RestClient.builder().baseUrl("http://localhost:" + port)
          .requestFactory(new JdkClientHttpRequestFactory())
          .defaultHeaders(h -> h.setBasicAuth("admin", adminPassword())).build();
      int status = route.method() == HttpMethod.PUT
          ? status(admin, route.method(), route.path(), Map.of("retries", 3))
          : malformed(admin, route.method(), route.path());
      if (status == 401 || status == 403) {
        wrong.add("admin " + route.method() + " " + route.path() + " -> " + status);
      }
    }
    assertThat(wrong).as("answers that differ from the role table").isEmpty();
  }

  /** A request with a body that no endpoint accepts ("{"): it passes security or not, and changes nothing. */
  private static int malformed(RestClient client, HttpMethod method, String uri) {
    var request = client.method(method).uri(uri);
    if (method != HttpMethod.GET) {
      request = request.contentType(MediaType.APPLICATION_JSON).body("{");
    }
    return request.exchange((req, res) -> res.getStatusCode().value());
  }

  private String user(String group) {
    String id = staffUser(group, PASSWORD);
    users.add(id);
    return id;
  }

  private RestClient as(String user) {
    return RestClient.builder().baseUrl("http://localhost:" + port).requestFactory(new JdkClientHttpRequestFactory())
        .defaultHeaders(h -> h.setBasicAuth(user, PASSWORD)).build();
  }

  private static int status(RestClient client, HttpMethod method, String uri, Object body) {
    var request = client.method(method).uri(uri);
    if (body != null) {
      request = request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.exchange((req, res) -> res.getStatusCode().value());
  }

  private static Map<String, Object> payment(Invoice invoice) {
    return Map.of("paymentReference", invoice.paymentReference(), "amount", "100.00", "currency", "SEK",
        "paidAt", "2026-03-02", "bankTransactionId", "ROLE-" + UUID.randomUUID());
  }

  /** A job of the invoice's sending (the timer of its distribution, a called process). */
  private String jobOf(Invoice invoice) {
    String sending = runtime.createProcessInstanceQuery().superProcessInstanceId(processOf(invoice).getId())
        .singleResult().getId();
    return management.createJobQuery().processInstanceId(sending).list().get(0).getId();
  }

  /** The engine's REST API for this test's engine (its name is unique per test context). */
  private String engineRest() {
    return "/engine-rest/engine/" + engine.getName();
  }

  /**
   * Logs in to a Camunda webapp as Tasklist and Cockpit do (CSRF cookie first, then the login form with its token):
   * 200, or 403 without the application permission.
   */
  private int webappLogin(String user, String app) {
    try {
      var cookies = new java.net.CookieManager();
      var client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
      String base = "http://localhost:" + port;
      client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/" + app + "/"))
          .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
      String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .findFirst().orElseThrow().getValue();
      var login = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/api/admin/auth/user/"
              + engine.getName() + "/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD))
          .build();
      return client.send(login, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
