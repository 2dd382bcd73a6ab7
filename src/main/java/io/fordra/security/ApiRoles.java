package io.fordra.security;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of Fordra's groups may call which /api endpoint; the first rule that matches decides. Camunda's
 * administrators ({@value #ADMINS}) may call everything, auditors may read (GET) everything and change nothing.
 * What no rule names is for administrators only.
 */
public final class ApiRoles {

  public static final String ADMINS = "camunda-admin";
  public static final String CASE_HANDLERS = "case-handlers";
  public static final String PROCESS_OWNERS = "process-owners";
  public static final String AUDITORS = "auditors";
  public static final String FINANCE = "finance";

  private record Rule(String method, Pattern path, Set<String> groups) {}

  private static final String INVOICE = "/api/invoices/[^/]+";

  private static final List<Rule> RULES = List.of(
      rule("GET", "/api/simulation/clock", CASE_HANDLERS, PROCESS_OWNERS, FINANCE),
      rule("POST", "/api/simulation/clock", PROCESS_OWNERS),
      // Invoicing and the customer register.
      rule("POST", "/api/invoices", FINANCE),
      rule("POST", "/api/customers(/.*)?", FINANCE),
      rule("PUT", "/api/customers(/.*)?", FINANCE),
      rule("POST", "/api/invoice-files", FINANCE),
      rule("GET", "/api/invoice-files(/.*)?", FINANCE),
      rule("POST", "/api/articles", FINANCE),
      rule("PUT", "/api/articles/.+", FINANCE), // an article number may hold '/' (ART/2026/1)
      // Case handling: objections, credit notes, sending again, returned mail, the agency's answer.
      rule("POST", INVOICE + "/objections(/withdrawal)?", CASE_HANDLERS, FINANCE),
      rule("POST", INVOICE + "/credit-notes", CASE_HANDLERS, FINANCE),
      rule("POST", INVOICE + "/send", CASE_HANDLERS, FINANCE),
      rule("POST", INVOICE + "/bounces", CASE_HANDLERS, FINANCE),
      rule("POST", INVOICE + "/collection-case/closure", CASE_HANDLERS, FINANCE),
      // Money and the books.
      rule("POST", INVOICE + "/(refunds|write-offs)", FINANCE),
      rule("*", "/api/(payments|payment-files)(/.*)?", FINANCE),
      rule("*", "/api/(ledger|reports|month-end-closes|interest-invoicing|print-batches)(/.*)?", FINANCE),
      rule("GET", INVOICE + "/ledger", FINANCE),
      // Reading invoices, customers and the article register.
      rule("GET", "/api/(invoices|customers|articles)(/.*)?", CASE_HANDLERS, FINANCE, PROCESS_OWNERS));

  private ApiRoles() {}

  /** Whether a member of these groups may make this request. */
  public static boolean allows(String method, String path, Set<String> groups) {
    if (groups.contains(ADMINS) || ("GET".equals(method) && groups.contains(AUDITORS))) {
      return true;
    }
    Set<String> allowed = required(method, path);
    return allowed.stream().anyMatch(groups::contains);
  }

  /** The groups that may make this request (besides administrators and, for GET, auditors). */
  public static Set<String> required(String method, String path) {
    for (Rule rule : RULES) {
      if ((rule.method().equals("*") || rule.method().equals(method)) && rule.path().matcher(path).matches()) {
        return rule.groups();
      }
    }
    return Set.of();
  }

  private static Rule rule(String method, String path, String... groups) {
    return new Rule(method, Pattern.compile(path), Set.of(groups));
  }
}
