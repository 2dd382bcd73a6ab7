package io.fordra.portal;

import static io.fordra.portal.Html.esc;
import static io.fordra.portal.PortalController.csrf;
import static io.fordra.portal.PortalController.errorList;
import static io.fordra.portal.PortalController.hidden;
import static io.fordra.portal.PortalController.html;
import static io.fordra.portal.PortalController.invoiceHref;
import static io.fordra.portal.PortalController.item;
import static io.fordra.portal.PortalController.page;
import static io.fordra.portal.PortalController.redirect;

import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.CustomerSort;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.Money;
import io.fordra.kernel.Capped;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.Identifiers;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violation;
import io.fordra.kernel.Violations;
import io.fordra.paymentplan.PaymentPlanProperties;
import io.fordra.paymentplan.PaymentPlanView;
import io.fordra.paymentplan.PaymentPlans;
import io.fordra.paymentplan.PlanKind;
import io.fordra.paymentplan.PlanRequest;
import io.fordra.paymentplan.PlanRequestDoor;
import io.fordra.process.ProcessConflicts;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * Payment plans in the portal (issue 20): a customer's user asks to pay open invoices of theirs in instalments
 * ("Betala i delar" / "Nedbetalingsplan" / "Pay in instalments") or one invoice later ("Be om anstånd" / "Be om
 * betalingsutsettelse" / "Ask for more time"), sees what came of it, and lists the customer's plans. Only users with
 * the financial permission (those who see amounts act on money), only the user's own customer's invoices: an
 * invoice of another customer, one that cannot exist and a paid one are refused alike, before anything is asked.
 * The plan itself is {@link PaymentPlans}'s: this is a door, as POST /api/payment-plans is for case handlers.
 */
@Controller
class PortalPaymentPlanController {

  private static final int LIST_LIMIT = 1000;

  private final PaymentPlans plans;
  private final InvoiceService invoices;
  private final DocumentService documents;
  private final ProcessConflicts conflicts;
  private final PaymentPlanProperties properties;
  private final ZoneId zone;

  PortalPaymentPlanController(PaymentPlans plans, InvoiceService invoices, DocumentService documents,
                              ProcessConflicts conflicts, PaymentPlanProperties properties,
                              @Value("${fordra.time-zone:Europe/Stockholm}") ZoneId zone) {
    this.plans = plans;
    this.invoices = invoices;
    this.documents = documents;
    this.conflicts = conflicts;
    this.properties = properties;
    this.zone = zone;
  }

  /** Whether a plan may be asked for the invoice: sent, not settled, something left to pay. */
  static boolean open(Invoice invoice) {
    return !invoice.status().isFinal() && invoice.status() != InvoiceStatus.CREATED
        && invoice.status() != InvoiceStatus.WAITING_TO_BE_SENT && invoice.openAmount().signum() > 0;
  }

  /** The two actions on an open invoice's page. */
  static String actions(PortalText t, Invoice invoice) {
    return "<section id=\"plan-actions\"><h2>" + t.t("plan.actions") + "</h2><p>"
        + "<a id=\"ask-instalments\" href=\"" + newHref(PlanKind.INSTALMENTS, invoice) + "\">"
        + t.t("plan.action.INSTALMENTS") + "</a> · <a id=\"ask-deferral\" href=\"" + newHref(PlanKind.DEFERRAL, invoice)
        + "\">" + t.t("plan.action.DEFERRAL") + "</a></p></section>";
  }

  /** The actions in an open invoice's row of the list. */
  static String listAction(PortalText t, Invoice invoice) {
    return "<a class=\"ask-instalments\" href=\"" + newHref(PlanKind.INSTALMENTS, invoice) + "\">"
        + t.t("plan.action.INSTALMENTS") + "</a> · <a class=\"ask-deferral\" href=\""
        + newHref(PlanKind.DEFERRAL, invoice) + "\">" + t.t("plan.action.DEFERRAL") + "</a>";
  }

  private static String newHref(PlanKind kind, Invoice invoice) {
    return "/portal/payment-plans/new?kind=" + kind + "&amp;invoice="
        + esc(URLEncoder.encode(invoice.invoiceNumber(), StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- the customer's plans

  @GetMapping("/portal/payment-plans")
  public ResponseEntity<String> list(HttpServletRequest request) {
    PortalUser user = financial(request);
    PortalText t = new PortalText(user.language());
    StringBuilder body = new StringBuilder("<h1>").append(t.t("plans.title")).append("</h1>");
    List<PaymentPlanView> all = plans.ofCustomer(user.customerNumber());
    if (all.isEmpty()) {
      body.append("<p id=\"no-plans\">").append(t.t("plans.none")).append("</p>");
    } else {
      body.append("<table id=\"plan-list\"><thead><tr><th>").append(t.t("plans.number")).append("</th><th>")
          .append(t.t("plan.kind")).append("</th><th>").append(t.t("plans.invoices")).append("</th><th>")
          .append(t.t("plans.createdAt")).append("</th><th>").append(t.t("plan.status"))
          .append("</th><th class=\"amount\">").append(t.t("plan.totalAmount")).append("</th><th>")
          .append(t.t("plan.instalments")).append("</th></tr></thead><tbody>");
      for (PaymentPlanView plan : all) {
        body.append("<tr class=\"plan\" data-plan-number=\"").append(esc(plan.planNumber())).append("\"><td>")
            .append("<a href=\"").append(planHref(plan)).append("\">").append(esc(plan.planNumber())).append("</a></td>")
            .append("<td>").append(t.t("plan.kind." + plan.kind())).append("</td><td>")
            .append(esc(String.join(", ", plan.invoiceNumbers()))).append("</td><td>")
            .append(plan.createdAt() == null ? "" : esc(LocalDate.ofInstant(plan.createdAt(), zone)))
            .append("</td><td class=\"status\" data-status=\"").append(plan.status()).append("\">")
            .append(t.t("planStatus." + plan.status())).append("</td><td class=\"amount\">")
            .append(money(plan.totalAmount(), plan.currency(), t)).append("</td><td class=\"instalments\">");
        for (PaymentPlanView.InstalmentView i : plan.instalments()) {
          body.append(i.number()).append(": ").append(esc(i.dueDate())).append(" ")
              .append(money(i.amount(), plan.currency(), t)).append(" (").append(t.t("instalmentStatus." + i.status()))
              .append(")<br>");
        }
        body.append("</td></tr>");
      }
      body.append("</tbody></table>");
    }
    return html(HttpStatus.OK, page(t, t.raw("plans.title"), user, request, body.toString()));
  }

  // ---------------------------------------------------------------- one plan

  @GetMapping("/portal/payment-plans/{planNumber}")
  public ResponseEntity<String> plan(HttpServletRequest request, @PathVariable String planNumber,
                                     @RequestParam(required = false) String sent) {
    PortalUser user = financial(request);
    PortalText t = new PortalText(user.language());
    PaymentPlanView plan = ownPlan(user, planNumber);
    StringBuilder body = new StringBuilder("<p><a id=\"back-to-plans\" href=\"/portal/payment-plans\">")
        .append(t.t("plans.title")).append("</a></p><h1 id=\"plan-number\">").append(t.t("plan.title", plan.planNumber()))
        .append("</h1>");
    if (sent != null) {
      body.append("<p id=\"plan-sent\" class=\"ok\">").append(t.t("plan.sent")).append("</p>");
    }
    body.append("<p id=\"plan-outcome\" data-status=\"").append(plan.status()).append("\">").append(outcome(t, plan))
        .append("</p><dl id=\"plan-summary\">")
        .append(item(t, "plan-kind", "plan.kind", t.t("plan.kind." + plan.kind())))
        .append(item(t, "plan-status", "plan.status", t.t("planStatus." + plan.status())))
        .append(item(t, "plan-invoices", "plans.invoices", plan.invoiceNumbers().stream()
            .map(n -> "<a href=\"/portal/invoices/" + esc(UriUtils.encodePathSegment(n,
                StandardCharsets.UTF_8)) + "\">" + esc(n) + "</a>").collect(Collectors.joining(", "))))
        .append(item(t, "plan-asked", "plan.asked", asked(t, plan)));
    if (plan.note() != null && !plan.note().isBlank()) {
      body.append(item(t, "plan-note", "plan.note", esc(plan.note())));
    }
    body.append(item(t, "plan-open-amount", "plan.openAmount", money(plan.openAmount(), plan.currency(), t)));
    if (plan.fee() != null && plan.fee().signum() > 0) {
      body.append(item(t, "plan-fee", "plan.fee", money(plan.fee(), plan.currency(), t)));
    }
    if (!plan.instalments().isEmpty()) {
      body.append(item(t, "plan-total", "plan.totalAmount", money(plan.totalAmount(), plan.currency(), t)))
          .append(item(t, "plan-paid", "plan.paidAmount", money(plan.paidAmount(), plan.currency(), t)));
    }
    body.append("</dl>");
    if (!plan.instalments().isEmpty()) {
      body.append("<h2>").append(t.t("plan.instalments")).append("</h2><table id=\"instalments\"><thead><tr><th>")
          .append(t.t("plan.instalment.number")).append("</th><th>").append(t.t("plan.instalment.dueDate"))
          .append("</th><th class=\"amount\">").append(t.t("plan.instalment.amount")).append("</th><th>")
          .append(t.t("invoice.paymentReference")).append("</th><th class=\"amount\">")
          .append(t.t("plan.instalment.paid")).append("</th><th>").append(t.t("plan.instalment.status"))
          .append("</th></tr></thead><tbody>");
      for (PaymentPlanView.InstalmentView i : plan.instalments()) {
        body.append("<tr class=\"instalment\" data-number=\"").append(i.number()).append("\"><td>").append(i.number())
            .append("</td><td class=\"due-date\">").append(esc(i.dueDate())).append("</td><td class=\"amount\">")
            .append(money(i.amount(), plan.currency(), t)).append("</td><td class=\"reference\">")
            .append(esc(i.paymentReference())).append("</td><td class=\"amount\">")
            .append(money(i.paidAmount(), plan.currency(), t)).append("</td><td class=\"status\" data-status=\"")
            .append(esc(i.status())).append("\">").append(t.t("instalmentStatus." + i.status())).append("</td></tr>");
      }
      body.append("</tbody></table><p class=\"note\" id=\"plan-interest\">")
          .append(t.t(plan.interestRuns() ? "plan.interestRuns" : "plan.interestStops")).append("</p>");
    }
    letters(t, user, plan, body);
    return html(HttpStatus.OK, page(t, t.raw("plan.title", plan.planNumber()), user, request, body.toString()));
  }

  private static String outcome(PortalText t, PaymentPlanView plan) {
    return switch (plan.status()) {
      case REQUESTED -> t.t("plan.requested");
      case APPROVED, RUNNING -> plan.kind() == PlanKind.DEFERRAL
          ? t.t("plan.deferralGranted", String.valueOf(plan.deferTo())) : t.t("plan.running");
      case REFUSED -> t.t("plan.refused", plan.reason() == null ? "" : plan.reason());
      case PAID -> t.t("plan.paid");
      case BROKEN -> t.t("plan.broken");
    };
  }

  private static String asked(PortalText t, PaymentPlanView plan) {
    if (plan.kind() == PlanKind.DEFERRAL) {
      return t.t("plan.askedDeferral", String.valueOf(plan.deferTo()));
    }
    return t.t("plan.askedInstalments", String.valueOf(plan.requestedInstalments()))
        + (plan.requestedFirstDueDate() == null ? "" : t.t("plan.askedFirstDueDate",
        String.valueOf(plan.requestedFirstDueDate())));
  }

  /**
   * The letters about the plan (the agreed plan, a refusal, …): stored with the plan's first invoice, so they open
   * through that invoice's documents; the invoice's own letters (invoice, reminders, case files, credit notes) are
   * on its page.
   */
  private void letters(PortalText t, PortalUser user, PaymentPlanView plan, StringBuilder body) {
    Optional<Invoice> invoice = invoices.find(plan.letterInvoice())
        .filter(i -> i.customerNumber().equals(user.customerNumber()));
    if (invoice.isEmpty()) {
      return;
    }
    List<StoredDocument> letters = documents.forInvoice(invoice.get()).stream()
        // A plan letter's file name carries its plan number (payment-plan-PP-17-…, instalment-reminder-PP-17.2-…).
        .filter(d -> !d.isRendition() && d.kind().isPlanLetter()
            && (d.fileName().contains(plan.planNumber() + "-") || d.fileName().contains(plan.planNumber() + ".")))
        .toList();
    if (letters.isEmpty()) {
      return;
    }
    body.append("<h2>").append(t.t("plan.letters")).append("</h2><ul id=\"plan-letters\">");
    for (StoredDocument d : letters) {
      body.append("<li><a id=\"plan-letter-").append(d.id()).append("\" href=\"").append(invoiceHref(invoice.get()))
          .append("/documents/").append(d.id()).append("\">").append(esc(d.fileName())).append("</a></li>");
    }
    body.append("</ul>");
  }

  // ---------------------------------------------------------------- the request

  @GetMapping("/portal/payment-plans/new")
  public ResponseEntity<String> requestForm(HttpServletRequest request, @RequestParam(required = false) String kind,
                                            @RequestParam(required = false) String invoice) {
    PortalUser user = financial(request);
    PlanKind planKind = "DEFERRAL".equals(kind) ? PlanKind.DEFERRAL : PlanKind.INSTALMENTS;
    Form form = new Form(planKind, invoice == null ? List.of() : List.of(invoice), null, null, null, null);
    if (invoice != null) {
      // The invoice the action came from: the user's customer's and open, or no such page.
      ownOpenInvoice(user, invoice).orElseThrow(() -> new NotFoundException("No open invoice"));
    }
    return html(HttpStatus.OK, form(request, user, form, List.of()));
  }

  @PostMapping("/portal/payment-plans")
  public ResponseEntity<String> request(HttpServletRequest request,
                                        @RequestParam(required = false) String kind,
                                        @RequestParam(name = "invoice", required = false) List<String> invoiceNumbers,
                                        @RequestParam(required = false) String instalments,
                                        @RequestParam(required = false) String firstDueDate,
                                        @RequestParam(required = false) String deferTo,
                                        @RequestParam(required = false) String note) {
    PortalUser user = financial(request);
    PortalText t = new PortalText(user.language());
    PlanKind planKind = "DEFERRAL".equals(kind) ? PlanKind.DEFERRAL
        : "INSTALMENTS".equals(kind) ? PlanKind.INSTALMENTS : null;
    List<String> numbers = invoiceNumbers == null ? List.of()
        : invoiceNumbers.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
    Form form = new Form(planKind == null ? PlanKind.INSTALMENTS : planKind, numbers, instalments, firstDueDate,
        deferTo, note);
    List<String> errors = new ArrayList<>();
    // Fields already refused here are not refused again by PlanRequestDoor (as missing).
    Set<String> refused = new HashSet<>();
    if (planKind == null) {
      errors.add(t.raw("field.kind") + ": " + Capped.quote(kind));
      refused.add("kind");
    }
    // Only the user's customer's open invoices: another's, a paid one and one that cannot exist are refused alike.
    if (numbers.size() <= PlanRequestDoor.MAX_INVOICES) {
      for (String number : numbers) {
        if (ownOpenInvoice(user, number).isEmpty()) {
          errors.add(t.raw("plan.notYourInvoice", Capped.value(number)));
          refused.add("invoiceNumbers[]");
        }
      }
    }
    Integer count = planKind != PlanKind.INSTALMENTS ? null
        : parsed(t, "instalments", instalments, Integer::valueOf, "plan.notANumber", errors, refused);
    LocalDate first = planKind != PlanKind.INSTALMENTS ? null
        : parsed(t, "firstDueDate", firstDueDate, LocalDate::parse, "invoices.badDate", errors, refused);
    LocalDate later = planKind != PlanKind.DEFERRAL ? null
        : parsed(t, "deferTo", deferTo, LocalDate::parse, "invoices.badDate", errors, refused);
    String text = note == null || note.isBlank() ? null : note.strip();
    PlanRequest plan = new PlanRequest(user.customerNumber(), numbers, planKind, count, first, later, text,
        PlanRequest.RequestedBy.CUSTOMER, user.username());
    Violations violations = new Violations();
    PlanRequestDoor.check(plan, properties.maxInstalments(), violations);
    errors.addAll(messages(t, violations.list().stream()
        .filter(v -> !refused.contains(v.field().replaceAll("\\[.+]$", "[]"))).toList()));
    if (!errors.isEmpty()) {
      return html(HttpStatus.BAD_REQUEST, form(request, user, form, errors));
    }
    try {
      PaymentPlanView asked = conflicts.retrying(() -> plans.request(plan));
      return redirect(planHref(asked) + "?sent=1");
    } catch (InvalidRequestException e) {
      return html(HttpStatus.BAD_REQUEST, form(request, user, form, messages(t, e.violations())));
    } catch (ConflictException e) {
      return html(HttpStatus.CONFLICT, form(request, user, form, List.of(t.raw("error.conflict"))));
    }
  }

  /** What the user typed, to show again with the errors. */
  private record Form(PlanKind kind, List<String> invoiceNumbers, String instalments, String firstDueDate,
                      String deferTo, String note) {}

  private String form(HttpServletRequest request, PortalUser user, Form form, List<String> errors) {
    PortalText t = new PortalText(user.language());
    StringBuilder body = new StringBuilder("<p><a id=\"back-to-list\" href=\"/portal/invoices\">")
        .append(t.t("invoice.back")).append("</a></p><h1 id=\"plan-form-title\">")
        .append(t.t("plan.new." + form.kind())).append("</h1><p>").append(t.t("plan.intro." + form.kind()))
        .append("</p>");
    errorList(body, errors);
    body.append("<form id=\"plan-form\" method=\"post\" action=\"/portal/payment-plans\">")
        .append(hidden(PortalFilter.CSRF_PARAMETER, csrf(request))).append(hidden("kind", form.kind().name()));
    Set<String> chosen = new LinkedHashSet<>(form.invoiceNumbers());
    if (form.kind() == PlanKind.INSTALMENTS) {
      List<Invoice> open = invoices.forCustomer(user.customerNumber(), null, null, CustomerSort.DUE_DATE, false,
          LIST_LIMIT).stream().filter(PortalPaymentPlanController::open).toList();
      body.append("<fieldset id=\"plan-invoices\"><legend>").append(t.t("plan.invoices")).append("</legend>");
      if (open.isEmpty()) {
        body.append("<p id=\"no-open-invoices\">").append(t.t("plan.noOpenInvoices")).append("</p>");
      }
      Map<String, Optional<PaymentPlanView>> current = open.stream().collect(Collectors.toMap(Invoice::invoiceNumber,
          i -> plans.currentOf(i.invoiceNumber()), (a, b) -> a));
      for (Invoice invoice : open) {
        Optional<PaymentPlanView> in = current.get(invoice.invoiceNumber());
        String id = "invoice-" + esc(invoice.invoiceNumber());
        body.append("<label class=\"plan-invoice\"><input type=\"checkbox\" name=\"invoice\" id=\"").append(id)
            .append("\" value=\"").append(esc(invoice.invoiceNumber())).append("\"")
            .append(chosen.contains(invoice.invoiceNumber()) && in.isEmpty() ? " checked" : "")
            .append(in.isPresent() ? " disabled" : "").append("> ").append(esc(invoice.invoiceNumber())).append(" · ")
            .append(t.t("invoices.dueDate")).append(" ").append(esc(invoice.dueDate())).append(" · ")
            .append(t.t("status." + invoice.status())).append(" · ")
            .append(money(invoice.openAmount(), invoice.currency().toString(), t));
        in.ifPresent(p -> body.append(" · <a href=\"").append(planHref(p)).append("\">")
            .append(t.t("plan.inPlan", p.planNumber())).append("</a>"));
        body.append("</label><br>");
      }
      body.append("</fieldset><label for=\"plan-instalments\">").append(t.t("plan.instalmentCount"))
          .append("</label><select id=\"plan-instalments\" name=\"instalments\">");
      for (int n = 1; n <= properties.maxInstalments(); n++) {
        body.append("<option value=\"").append(n).append("\"")
            .append(String.valueOf(n).equals(form.instalments() == null ? "3" : form.instalments()) ? " selected" : "")
            .append(">").append(n).append("</option>");
      }
      body.append("</select><label for=\"plan-first-due-date\">").append(t.t("plan.firstDueDate"))
          .append("</label><input id=\"plan-first-due-date\" name=\"firstDueDate\" type=\"date\" value=\"")
          .append(esc(form.firstDueDate())).append("\">");
    } else {
      String number = form.invoiceNumbers().isEmpty() ? null : form.invoiceNumbers().get(0);
      body.append(item(t, "plan-invoice", "plan.invoice", esc(number)));
      if (number != null) {
        body.append(hidden("invoice", number));
      }
      body.append("<label for=\"plan-defer-to\">").append(t.t("plan.deferTo"))
          .append("</label><input id=\"plan-defer-to\" name=\"deferTo\" type=\"date\" required value=\"")
          .append(esc(form.deferTo())).append("\">");
    }
    body.append("<label for=\"plan-note\">").append(t.t("plan.note")).append("</label>")
        .append("<textarea id=\"plan-note\" name=\"note\" maxlength=\"").append(PlanRequestDoor.MAX_NOTE).append("\">")
        .append(esc(form.note())).append("</textarea>")
        .append("<button id=\"plan-submit\" type=\"submit\">").append(t.t("plan.submit")).append("</button></form>");
    return page(t, t.raw("plan.new." + form.kind()), user, request, body.toString());
  }

  // ---------------------------------------------------------------- errors

  @ExceptionHandler(NotFoundException.class)
  public ResponseEntity<String> notFound(HttpServletRequest request) {
    return errorPage(request, HttpStatus.NOT_FOUND, "error.notFound");
  }

  @ExceptionHandler(FinancialOnly.class)
  public ResponseEntity<String> financialOnly(HttpServletRequest request) {
    return errorPage(request, HttpStatus.FORBIDDEN, "error.financialOnly");
  }

  @ExceptionHandler(ConflictException.class)
  public ResponseEntity<String> conflict(HttpServletRequest request) {
    return errorPage(request, HttpStatus.CONFLICT, "error.conflict");
  }

  private static ResponseEntity<String> errorPage(HttpServletRequest request, HttpStatus status, String key) {
    PortalUser user = PortalController.user(request);
    PortalText t = new PortalText(user.language());
    return html(status, page(t, t.raw(key), user, request, "<h1>" + status.value() + "</h1><p id=\"error\">"
        + t.t(key) + "</p><p><a href=\"/portal/invoices\">" + t.t("invoice.back") + "</a></p>"));
  }

  /** A user without the financial permission asked for what moves money (403). */
  static class FinancialOnly extends RuntimeException {
    FinancialOnly() {
      super("Only users with the financial permission may do this");
    }
  }

  // ---------------------------------------------------------------- helpers

  private static PortalUser financial(HttpServletRequest request) {
    PortalUser user = PortalController.user(request);
    if (!user.financial()) {
      throw new FinancialOnly();
    }
    return user;
  }

  /** The plan if it is the user's customer's; otherwise 404, the same as for a plan that does not exist. */
  private PaymentPlanView ownPlan(PortalUser user, String planNumber) {
    long id = PaymentPlanView.idOf(planNumber);
    if (id < 0) {
      throw new NotFoundException("No payment plan");
    }
    return plans.find(id).filter(p -> user.customerNumber().equals(p.customerNumber()))
        .orElseThrow(() -> new NotFoundException("No payment plan " + planNumber));
  }

  private Optional<Invoice> ownOpenInvoice(PortalUser user, String invoiceNumber) {
    if (!Identifiers.isValid(invoiceNumber)) {
      return Optional.empty();
    }
    return invoices.find(invoiceNumber).filter(i -> i.customerNumber().equals(user.customerNumber()))
        .filter(PortalPaymentPlanController::open);
  }

  private static String planHref(PaymentPlanView plan) {
    return "/portal/payment-plans/" + esc(plan.planNumber());
  }

  private static String money(BigDecimal amount, String currency, PortalText t) {
    return amount == null ? "" : esc(Money.format(amount, t.language()) + " " + currency);
  }

  /** The reasons in the user's words where the portal has them: the field's name, then why. */
  private static List<String> messages(PortalText t, List<Violation> violations) {
    Function<String, String> label = field -> t.raw("field." + field.replaceAll("\\[.*$", ""));
    return violations.stream().map(v -> label.apply(v.field()) + ": " + v.message()).toList();
  }

  /**
   * The form's text as the request's value, or null when left empty (PlanRequestDoor says when that is missing);
   * text that is no such value is refused here, named with the field's label.
   */
  private static <T> T parsed(PortalText t, String field, String value, Function<String, T> parse, String problem,
                              List<String> errors, Set<String> refused) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return parse.apply(value.strip());
    } catch (IllegalArgumentException | DateTimeException e) {
      errors.add(t.raw(problem, t.raw("field." + field), Capped.value(value)));
      refused.add(field);
      return null;
    }
  }
}
