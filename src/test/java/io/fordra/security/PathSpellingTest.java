package io.fordra.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A path spelling never reaches what the role may not do (issue 13, finding 2). Each protected route is sent, as raw
 * HTTP so that no client normalises it, in every spelling Tomcat or Spring might route to the same handler: matrix
 * parameters, percent-encoded letters, encoded '/' and '.', '//', a trailing '/', '/./', '/../' and upper case. The
 * answer is 400 (refused spelling), 401, 403 or 404, never a success; and the canonical spelling still works for the
 * role that may.
 */
@FordraTestContext
class PathSpellingTest extends ProcessTestSupport {

  private static final String PASSWORD = "Spelling-Password-1";
  private static final Set<Integer> REFUSED = Set.of(400, 401, 403, 404);

  @Autowired IdentityService identity;

  private final List<String> users = new ArrayList<>();
  private Invoice invoice;
  private String job;
  private String cleanupJob;

  @BeforeEach
  void invoiceWithAJob() {
    invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    String sending = runtime.createProcessInstanceQuery().superProcessInstanceId(processOf(invoice).getId())
        .singleResult().getId();
    job = management.createJobQuery().processInstanceId(sending).list().get(0).getId();
    cleanupJob = engine.getHistoryService().findHistoryCleanupJobs().get(0).getId();
  }

  @AfterEach
  void deleteUsers() {
    users.forEach(identity::deleteUser);
  }

  @Test
  void aCaseHandlerNeverReachesMoneyOrJobsWhateverTheSpelling() {
    Map<String, String> as = Map.of("Authorization", RawHttp.basic(user("case-handlers"), PASSWORD));
    String n = invoice.invoiceNumber();
    assertRefusedInEverySpelling(as, "GET", "/api/invoices/" + n + "/ledger", null);
    assertRefusedInEverySpelling(as, "GET", "/api/reports/aging", null);
    assertRefusedInEverySpelling(as, "GET", "/api/ledger/sie?period=2026-03", null);
    assertRefusedInEverySpelling(as, "POST", "/api/payments", payment());
    assertRefusedInEverySpelling(as, "POST", "/api/invoices/" + n + "/refunds", "{\"amount\":\"1.00\"}");
    assertRefusedInEverySpelling(as, "PUT", engineRest() + "/job/" + job + "/retries", "{\"retries\":7}");
    assertThat(invoices.get(n).paidAmount()).isZero();
    assertJobsUnchanged();
  }

  @Test
  void anAuditorNeverChangesAJobOrBooksMoneyWhateverTheSpelling() {
    Map<String, String> as = Map.of("Authorization", RawHttp.basic(user("auditors"), PASSWORD));
    String n = invoice.invoiceNumber();
    assertRefusedInEverySpelling(as, "PUT", engineRest() + "/job/" + job + "/retries", "{\"retries\":7}");
    assertRefusedInEverySpelling(as, "PUT", engineRest() + "/job/" + cleanupJob + "/retries", "{\"retries\":7}");
    assertRefusedInEverySpelling(as, "PUT", engineRest() + "/job-definition/"
        + job(job).getJobDefinitionId() + "/retries", "{\"retries\":7}");
    assertRefusedInEverySpelling(as, "POST", "/api/payments", payment());
    assertRefusedInEverySpelling(as, "POST", "/api/invoices/" + n + "/credit-notes", "{\"reason\":\"spelling\"}");
    assertThat(invoices.get(n).paidAmount()).isZero();
    assertThat(invoices.get(n).openAmount()).isEqualByComparingTo(invoice.openAmount());
    assertJobsUnchanged();
  }

  /**
   * Cockpit's own engine API (/camunda/api/engine/...) with an auditor's Cockpit session, a fresh one for every
   * spelling: Camunda ends a session on some odd paths that reach it, and a refusal for want of a session would
   * prove nothing.
   */
  @Test
  void anAuditorsCockpitSessionNeverChangesAJobWhateverTheSpelling() {
    String auditor = user("auditors");
    String api = "/camunda/api/engine/engine/" + engine.getName();
    List<String> leaks = new ArrayList<>();
    for (String target : List.of(job, cleanupJob)) {
      for (String spelling : spellings(api + "/job/" + target + "/retries")) {
        RawHttp.Reply reply = RawHttp.send(port, "PUT", spelling, webappSession(auditor, "cockpit"),
            "{\"retries\":7}");
        if (!REFUSED.contains(reply.status())) {
          leaks.add(reply.status() + " PUT " + spelling + " " + abbreviate(reply.body()));
        }
      }
      Map<String, String> session = webappSession(auditor, "cockpit");
      RawHttp.Reply refused = RawHttp.send(port, "PUT", api + "/job/" + target + "/retries", session,
          "{\"retries\":7}");
      assertThat(refused.status()).as("refused for the auditor, not for want of a session").isEqualTo(403);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(RawHttp.send(port, "GET", api + "/job/" + target, session, null).status())
          .as("the auditor's session reads the job").isEqualTo(200);
    }
    assertThat(leaks).as("spellings of a job change through Cockpit's API that were not refused").isEmpty();
    assertJobsUnchanged();
  }

  @Test
  void theCanonicalSpellingStillWorksForTheRoleThatMay() {
    String n = invoice.invoiceNumber();
    Map<String, String> finance = Map.of("Authorization", RawHttp.basic(user("finance"), PASSWORD));
    assertThat(RawHttp.send(port, "GET", "/api/invoices/" + n + "/ledger", finance, null).status()).isEqualTo(200);
    assertThat(RawHttp.send(port, "GET", "/api/reports/aging", finance, null).status()).isEqualTo(200);
    Map<String, String> admin = Map.of("Authorization", RawHttp.basic("admin", adminPassword()));
    assertThat(RawHttp.send(port, "PUT", engineRest() + "/job/" + job + "/retries", admin, "{\"retries\":7}")
        .status()).isEqualTo(204);
    assertThat(job(job).getRetries()).isEqualTo(7);
  }

  /**
   * Every route a case handler or an auditor may not call, in every spelling, with a body no endpoint accepts ("{"):
   * a spelling that got past the chain would reach the controller and answer "not valid JSON" (or a 2xx, 405, 415,
   * 500); refused ones are 400 before any handler, 401, 403 or 404.
   */
  @Test
  void noSpellingOfAForbiddenRouteGetsPastTheChain() {
    String n = invoice.invoiceNumber();
    List<String[]> changes = List.of(
        new String[] {"POST", "/api/invoices"}, new String[] {"POST", "/api/customers"},
        new String[] {"PUT", "/api/customers/" + invoice.customerNumber()}, new String[] {"POST", "/api/articles"},
        new String[] {"POST", "/api/invoice-files"}, new String[] {"POST", "/api/invoices/" + n + "/refunds"},
        new String[] {"POST", "/api/invoices/" + n + "/write-offs"}, new String[] {"POST", "/api/payments"},
        new String[] {"POST", "/api/payment-files"}, new String[] {"POST", "/api/month-end-closes"},
        new String[] {"POST", "/api/interest-invoicing"}, new String[] {"POST", "/api/print-batches/close"},
        new String[] {"POST", "/api/interest-rates"},
        new String[] {"POST", "/api/simulation/clock"},
        new String[] {"PUT", engineRest() + "/job/" + job + "/retries"},
        new String[] {"POST", engineRest() + "/job/" + cleanupJob + "/execute"},
        new String[] {"PUT", engineRest() + "/job/" + job + "/duedate"},
        new String[] {"PUT", engineRest() + "/job-definition/" + job(job).getJobDefinitionId() + "/suspended"});
    List<String[]> caseHandlerReads = List.of(
        new String[] {"GET", "/api/invoices/" + n + "/ledger"}, new String[] {"GET", "/api/ledger/sie?period=2026-03"},
        new String[] {"GET", "/api/reports/aging"}, new String[] {"GET", "/api/reports/aging.csv"},
        new String[] {"GET", "/api/invoice-files/1"}, new String[] {"GET", "/api/payment-files/1"},
        new String[] {"GET", "/api/print-batches"}, new String[] {"GET", "/api/interest-rates"});
    Map<String, String> auditor = Map.of("Authorization", RawHttp.basic(user("auditors"), PASSWORD));
    Map<String, String> caseHandler = Map.of("Authorization", RawHttp.basic(user("case-handlers"), PASSWORD));
    List<String> leaks = new ArrayList<>();
    for (String[] route : changes) {
      leaks.addAll(pastTheChain(auditor, route[0], route[1]));
      leaks.addAll(pastTheChain(caseHandler, route[0], route[1]));
    }
    for (String[] route : caseHandlerReads) {
      leaks.addAll(pastTheChain(caseHandler, route[0], route[1]));
    }
    assertThat(leaks).as("spellings that got past the security chain").isEmpty();
    assertJobsUnchanged();
  }

  private List<String> pastTheChain(Map<String, String> headers, String method, String canonical) {
    List<String> leaks = new ArrayList<>();
    for (String spelling : spellings(canonical)) {
      RawHttp.Reply reply = RawHttp.send(port, method, spelling, headers, "GET".equals(method) ? null : "{");
      boolean handled = reply.status() == 400 && reply.body().contains("not valid JSON");
      if (!REFUSED.contains(reply.status()) || handled) {
        leaks.add(reply.status() + " " + method + " " + spelling + " " + abbreviate(reply.body()));
      }
    }
    return leaks;
  }

  /** A refused spelling is a 400 problem+json from Fordra, not Tomcat's HTML page or a 500. */
  @Test
  void aRefusedSpellingIsA400Problem() {
    Map<String, String> as = Map.of("Authorization", RawHttp.basic(user("finance"), PASSWORD));
    String n = invoice.invoiceNumber();
    for (String path : List.of("/api/invoices/" + n + "/ledger;x=1", "/api/invoices/" + n + "/%6cedger",
        "/api/invoices/" + n + "//ledger", "/api/invoices/" + n + "/./ledger", "/engine-rest/%6aob/" + job,
        "/camunda/app/%74asklist/", "/portal/%6cogin", "/api/invoices/" + n + "/x/../ledger")) {
      RawHttp.Reply reply = RawHttp.send(port, "GET", path, as, null);
      assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(400);
      assertThat(reply.header("Content-Type")).as(path).startsWith("application/problem+json");
      assertThat(reply.body()).as(path).contains("\"status\":400");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  private void assertRefusedInEverySpelling(Map<String, String> headers, String method, String canonical,
                                            String body) {
    List<String> leaks = new ArrayList<>();
    for (String spelling : spellings(canonical)) {
      RawHttp.Reply reply = RawHttp.send(port, method, spelling, headers, body);
      if (!REFUSED.contains(reply.status())) {
        leaks.add(reply.status() + " " + method + " " + spelling + " " + abbreviate(reply.body()));
      }
    }
    assertThat(leaks).as("spellings of " + method + " " + canonical + " that were not refused").isEmpty();
  }

  /** The canonical path and every other spelling of it that a server might route to the same place. */
  static Set<String> spellings(String canonical) {
    int q = canonical.indexOf('?');
    String path = q < 0 ? canonical : canonical.substring(0, q);
    String query = q < 0 ? "" : canonical.substring(q);
    List<String> segments = List.of(path.substring(1).split("/"));
    Set<String> out = new LinkedHashSet<>();
    out.add(path);
    for (int i = 0; i < segments.size(); i++) {
      String s = segments.get(i);
      out.add(with(segments, i, s + ";x=1"));
      out.add(with(segments, i, s + ";"));
      out.add(with(segments, i, "%" + hex(s.charAt(0), true) + s.substring(1)));
      out.add(with(segments, i, "%" + hex(s.charAt(0), false) + s.substring(1)));
      out.add(with(segments, i, s.substring(0, s.length() - 1) + "%" + hex(s.charAt(s.length() - 1), true)));
      out.add(with(segments, i, s.toUpperCase(Locale.ROOT)));
      out.add(with(segments, i, "/" + s));
      out.add(with(segments, i, "./" + s));
      out.add(with(segments, i, "%2e/" + s));
      out.add(with(segments, i, "x/../" + s));
      out.add(with(segments, i, "x/%2e%2e/" + s));
      out.add(with(segments, i, "x/%2E%2E/" + s));
      if (i > 0) {
        out.add(join(segments.subList(0, i - 1)) + (i > 1 ? "/" : "") + segments.get(i - 1) + "%2F"
            + join(segments.subList(i, segments.size())).substring(1));
      }
    }
    out.add(path + "/");
    out.add(path + "/.");
    out.add(path + ";x=1");
    out.add("/" + path);
    out.add(path.toUpperCase(Locale.ROOT));
    return out.stream().map(p -> p + query).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String with(List<String> segments, int index, String replacement) {
    List<String> copy = new ArrayList<>(segments);
    copy.set(index, replacement);
    return join(copy);
  }

  private static String join(List<String> segments) {
    return segments.stream().map(s -> "/" + s).collect(Collectors.joining());
  }

  private static String hex(char c, boolean upper) {
    String hex = String.format("%02x", (int) c);
    return upper ? hex.toUpperCase(Locale.ROOT) : hex;
  }

  private org.camunda.bpm.engine.runtime.Job job(String id) {
    return management.createJobQuery().jobId(id).singleResult();
  }

  private void assertJobsUnchanged() {
    assertThat(job(job).getRetries()).isNotEqualTo(7);
    assertThat(job(cleanupJob).getRetries()).isNotEqualTo(7);
  }

  private String payment() {
    return "{\"paymentReference\":\"" + invoice.paymentReference() + "\",\"amount\":\"100.00\",\"currency\":\"SEK\","
        + "\"paidAt\":\"2026-03-02\",\"bankTransactionId\":\"SPELL-" + UUID.randomUUID() + "\"}";
  }

  private String engineRest() {
    return "/engine-rest/engine/" + engine.getName();
  }

  private String user(String group) {
    String id = "spell-" + group + "-" + UUID.randomUUID().toString().substring(0, 6);
    User user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
    users.add(id);
    return id;
  }

  /** Logs in to a Camunda webapp as the browser does; the Cookie and X-XSRF-TOKEN headers of that session. */
  private Map<String, String> webappSession(String user, String app) {
    try {
      CookieManager cookies = new CookieManager();
      HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
      String base = "http://localhost:" + port;
      client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/")).build(),
          HttpResponse.BodyHandlers.discarding());
      String token = xsrf(cookies);
      HttpResponse<Void> login = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/"
              + engine.getName() + "/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD)).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(login.statusCode()).isEqualTo(200);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Cookie", cookies.getCookieStore().get(URI.create(base + "/camunda/api/engine/")).stream()
          .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; ")));
      headers.put("X-XSRF-TOKEN", xsrf(cookies));
      return headers;
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String xsrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
  }

  private static String abbreviate(String body) {
    return body.length() > 160 ? body.substring(0, 160) + "…" : body;
  }
}
