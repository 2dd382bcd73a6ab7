package io.fordra.security;

import static io.fordra.security.StaffGroups.ADMINS;
import static io.fordra.security.StaffGroups.AUDITORS;
import static io.fordra.security.StaffGroups.CASE_HANDLERS;
import static io.fordra.security.StaffGroups.FINANCE;
import static io.fordra.security.StaffGroups.PROCESS_OWNERS;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what: the README's role table ("Users, groups and what each may do") as Spring Security rules. The
 * first /api rule that matches decides; administrators may do everything and auditors may read (GET) everything; what
 * no rule names is for administrators only. Patterns end in "/**" so that a rule also holds for the same path with a
 * trailing '/' or below it; spellings such as ";x=1" or "%6c" never get here (CanonicalPathFirewall).
 */
final class ApiRules {

  private record Rule(HttpMethod method, String pattern, Set<String> groups) {}

  private static final String INVOICE = "/api/invoices/*";

  private static final List<Rule> API = List.of(
      rule(GET, "/api/simulation/clock/**", CASE_HANDLERS, PROCESS_OWNERS, FINANCE),
      rule(POST, "/api/simulation/clock/**", PROCESS_OWNERS),
      // Invoicing and the registers of customers and articles.
      rule(POST, "/api/invoices", FINANCE),
      // Direct-debit mandates: case handlers register and cancel them with the customer (issue 19).
      rule(POST, "/api/customers/*/mandates/**", CASE_HANDLERS, FINANCE),
      rule(DELETE, "/api/customers/*/mandates/**", CASE_HANDLERS, FINANCE),
      rule(POST, "/api/customers/**", FINANCE),
      rule(PUT, "/api/customers/**", FINANCE),
      rule(PATCH, "/api/customers/**", FINANCE),
      rule(POST, "/api/invoice-files/**", FINANCE),
      rule(GET, "/api/invoice-files/**", FINANCE),
      // Cut-over: open receivables from the previous system.
      rule(null, "/api/migration-files/**", FINANCE),
      rule(POST, "/api/articles/**", FINANCE),
      rule(PUT, "/api/articles/**", FINANCE),
      rule(PATCH, "/api/articles/**", FINANCE),
      // Case handling: objections, credit notes, sending again, returned mail, the agency's answer.
      rule(POST, INVOICE + "/objections/**", CASE_HANDLERS, FINANCE),
      rule(POST, INVOICE + "/credit-notes/**", CASE_HANDLERS, FINANCE),
      rule(POST, INVOICE + "/send/**", CASE_HANDLERS, FINANCE),
      rule(POST, INVOICE + "/bounces/**", CASE_HANDLERS, FINANCE),
      rule(POST, INVOICE + "/collection-case/closure/**", CASE_HANDLERS, FINANCE),
      // Payment plans and deferrals a case handler takes on the phone (issue 20); reading them as reading invoices.
      rule(POST, "/api/payment-plans/**", CASE_HANDLERS, FINANCE),
      rule(GET, "/api/payment-plans/**", CASE_HANDLERS, FINANCE, PROCESS_OWNERS),
      // Money and the books.
      rule(POST, INVOICE + "/refunds/**", FINANCE),
      rule(POST, INVOICE + "/write-offs/**", FINANCE),
      rule(null, "/api/payments/**", FINANCE),
      rule(null, "/api/payment-files/**", FINANCE),
      rule(null, "/api/autogiro/mandate-advice-files/**", FINANCE),
      rule(null, "/api/ledger/**", FINANCE),
      rule(null, "/api/reports/**", FINANCE),
      // Reopening a closed month (a correction) is finance's alone, whatever later rules for closes allow.
      rule(POST, "/api/month-end-closes/*/reopen/**", FINANCE),
      rule(null, "/api/month-end-closes/**", FINANCE),
      rule(null, "/api/interest-invoicing/**", FINANCE),
      // The late-payment rate table: finance reads and adds half-years' rows.
      rule(null, "/api/interest-rates/**", FINANCE),
      rule(null, "/api/print-batches/**", FINANCE),
      // The law's limits of dunning fees and times: finance records them; everyone reads them.
      rule(POST, "/api/dunning-limits/**", FINANCE),
      rule(GET, "/api/dunning-limits/**", CASE_HANDLERS, FINANCE, PROCESS_OWNERS),
      rule(GET, INVOICE + "/ledger/**", FINANCE),
      // Reading invoices (their documents too), customers and the article register.
      rule(GET, "/api/invoices/**", CASE_HANDLERS, FINANCE, PROCESS_OWNERS),
      rule(GET, "/api/customers/**", CASE_HANDLERS, FINANCE, PROCESS_OWNERS),
      rule(GET, "/api/articles/**", CASE_HANDLERS, FINANCE, PROCESS_OWNERS),
      // Events for the ERP and CRM: finance pulls them (webhook subscriptions are administrators').
      rule(GET, "/api/events/**", FINANCE));

  /**
   * The engine REST APIs' paths (Fordra's /engine-rest for the default and a named engine, and the webapps' own
   * /camunda/api/engine) under which jobs are changed.
   */
  static final List<String> ENGINE_APIS = List.of("/engine-rest", "/engine-rest/engine/*",
      "/camunda/api/engine/engine/*");

  private ApiRules() {}

  /** The /api rules, one matcher and its groups each, in order; then everything else for administrators. */
  static List<RequestRule> api() {
    List<RequestRule> rules = new ArrayList<>();
    for (Rule rule : API) {
      rules.add(new RequestRule(path(rule.method(), rule.pattern()), groups(rule.groups())));
    }
    rules.add(new RequestRule(path(null, "/**"), groups(Set.of())));
    return rules;
  }

  /** A request matcher and who it is for. */
  record RequestRule(RequestMatcher matcher, AuthorizationManager<RequestAuthorizationContext> access) {}

  /**
   * Changes to jobs and job definitions (retries, execute, due date, suspension, deletion), which only administrators
   * make: the engine checks them for a process's jobs but not for standalone ones such as the history cleanup.
   * Reading and querying (GET, the POST queries, /count) are left to the engine's own checks.
   */
  static RequestMatcher jobChanges() {
    List<RequestMatcher> jobs = new ArrayList<>();
    List<RequestMatcher> queries = new ArrayList<>();
    for (String api : ENGINE_APIS) {
      for (String resource : List.of("/job", "/job-definition")) {
        jobs.add(path(null, api + resource + "/**"));
        queries.add(path(POST, api + resource));
        queries.add(path(null, api + resource + "/count"));
      }
      jobs.add(path(null, api + "/process-instance/job-retries/**"));
    }
    queries.add(path(GET, "/**"));
    queries.add(path(HttpMethod.HEAD, "/**"));
    return new AndRequestMatcher(new OrRequestMatcher(jobs), new NegatedRequestMatcher(new OrRequestMatcher(queries)));
  }

  /** Members of any of these groups, administrators, and for GET auditors. */
  static AuthorizationManager<RequestAuthorizationContext> groups(Set<String> groups) {
    return (authentication, context) -> {
      var auth = authentication.get();
      if (auth == null || !auth.isAuthenticated()) {
        return new AuthorizationDecision(false);
      }
      Set<String> held = new java.util.HashSet<>();
      for (GrantedAuthority authority : auth.getAuthorities()) {
        held.add(authority.getAuthority());
      }
      boolean read = "GET".equals(context.getRequest().getMethod());
      return new AuthorizationDecision(held.contains(ADMINS) || (read && held.contains(AUDITORS))
          || groups.stream().anyMatch(held::contains));
    };
  }

  /**
   * Who may call an operation of the API, as the first matching rule says (for the API's description): the rule's
   * groups, then administrators, and auditors for GET. A path template's variables ({invoiceNumber}) match as one
   * segment, as the real value would.
   */
  static List<String> groupsFor(HttpMethod method, String pathTemplate) {
    var path = PathContainer.parsePath(pathTemplate.replaceAll("\\{[^/}]+}", "x"));
    var parser = PathPatternParser.defaultInstance;
    List<String> groups = new ArrayList<>();
    API.stream().filter(rule -> (rule.method() == null || rule.method().equals(method))
            && parser.parse(rule.pattern()).matches(path))
        .findFirst().ifPresent(rule -> groups.addAll(new TreeSet<>(rule.groups())));
    groups.add(ADMINS);
    if (GET.equals(method)) {
      groups.add(AUDITORS);
    }
    return groups;
  }

  static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  private static Rule rule(HttpMethod method, String pattern, String... groups) {
    return new Rule(method, pattern, Set.of(groups));
  }
}
