package io.fordra.portal;

import static io.fordra.portal.Html.esc;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.dispute.DisputeService;
import io.fordra.dispute.ObjectionRequest;
import io.fordra.dispute.RaisedBy;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.document.paynow.PayNow;
import io.fordra.document.paynow.QrCode;
import io.fordra.invoice.CustomerSort;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceLine;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceView;
import io.fordra.invoice.Money;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.Identifiers;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violation;
import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import io.fordra.process.ProcessConflicts;
import io.fordra.seller.SellerProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.http.CacheControl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer portal (invoice hotel), server-rendered HTML in Swedish, Norwegian and English. A customer user sees
 * only their own customer's invoices: another customer's invoice or document is answered 404, like a missing one.
 * Amounts show only to users with the financial permission; the customer's administrator manages the users.
 */
@Controller
class PortalController {

  private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
  private static final int LIST_LIMIT = 1000;

  private final PortalUsers users;
  private final PortalSessions sessions;
  private final InvoiceService invoices;
  private final DocumentService documents;
  private final DisputeService disputes;
  private final CustomerService customers;
  private final PaymentService payments;
  private final ProcessConflicts conflicts;
  private final SellerProperties seller;
  private final String defaultLanguage;
  private final ZoneId zone;

  public PortalController(PortalUsers users, PortalSessions sessions, InvoiceService invoices,
                          DocumentService documents, DisputeService disputes, CustomerService customers,
                          PaymentService payments, ProcessConflicts conflicts, SellerProperties seller,
                          @Value("${fordra.time-zone:Europe/Stockholm}") ZoneId zone) {
    this.users = users;
    this.sessions = sessions;
    this.invoices = invoices;
    this.documents = documents;
    this.disputes = disputes;
    this.customers = customers;
    this.payments = payments;
    this.conflicts = conflicts;
    this.seller = seller;
    String sellerLanguage = seller.country() == null ? "sv" : seller.country().language();
    this.defaultLanguage = PortalUsers.LANGUAGES.contains(sellerLanguage) ? sellerLanguage : "sv";
    this.zone = zone;
  }

  // ---------------------------------------------------------------- login, logout, language

  @GetMapping({"/portal", "/portal/"})
  public ResponseEntity<String> home() {
    return redirect("/portal/invoices");
  }

  @GetMapping("/portal/login")
  public ResponseEntity<String> loginPage(HttpServletRequest request, HttpServletResponse response,
                                          @RequestParam(required = false) String lang) {
    if (lang != null && PortalUsers.LANGUAGES.contains(lang)) {
      sessions.rememberLanguage(request, response, lang);
      return redirect("/portal/login");
    }
    return loginForm(request, response, HttpStatus.OK, false);
  }

  @PostMapping("/portal/login")
  public ResponseEntity<String> login(HttpServletRequest request, HttpServletResponse response,
                                      @RequestParam(required = false) String username,
                                      @RequestParam(required = false) String password) {
    Optional<PortalUser> user = users.authenticate(username, password);
    if (user.isEmpty()) {
      return loginForm(request, response, HttpStatus.UNAUTHORIZED, true);
    }
    sessions.start(user.get().id(), request, response);
    return redirect("/portal/invoices");
  }

  private ResponseEntity<String> loginForm(HttpServletRequest request, HttpServletResponse response,
                                           HttpStatus status, boolean failed) {
    PortalText t = new PortalText(anonymousLanguage(request));
    StringBuilder body = new StringBuilder();
    body.append("<main id=\"login\"><h1>").append(t.t("login.title")).append("</h1>");
    if (failed) {
      body.append("<p id=\"login-error\" class=\"error\">").append(t.t("login.failed")).append("</p>");
    }
    body.append("<form id=\"login-form\" method=\"post\" action=\"/portal/login\">")
        .append(hidden(PortalFilter.CSRF_PARAMETER, sessions.loginToken(request, response)))
        .append("<label for=\"username\">").append(t.t("login.username")).append("</label>")
        .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required>")
        .append("<label for=\"password\">").append(t.t("login.password")).append("</label>")
        .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>")
        .append("<button id=\"login-submit\" type=\"submit\">").append(t.t("login.submit")).append("</button></form>")
        .append("<nav id=\"languages\">");
    for (String language : List.of("sv", "nb", "en")) {
      body.append("<a id=\"lang-").append(language).append("\" href=\"/portal/login?lang=").append(language)
          .append("\" lang=\"").append(language).append("\">").append(t.t("language." + language)).append("</a> ");
    }
    body.append("</nav></main>");
    return html(status, page(t, t.raw("login.title"), null, null, body.toString()));
  }

  @PostMapping("/portal/logout")
  public ResponseEntity<String> logout(HttpServletRequest request, HttpServletResponse response) {
    users.logout(user(request));
    sessions.end(request, response);
    return redirect("/portal/login");
  }

  @PostMapping("/portal/language")
  public ResponseEntity<String> language(HttpServletRequest request, @RequestParam String lang,
                                         @RequestParam(required = false) String back) {
    users.setLanguage(user(request), lang);
    boolean local = back != null && back.startsWith("/portal/") && !back.contains("//") && !back.contains("\\");
    return redirect(local ? back : "/portal/invoices");
  }

  // ---------------------------------------------------------------- invoices

  @GetMapping("/portal/invoices")
  public ResponseEntity<String> invoiceList(HttpServletRequest request,
                                            @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            @RequestParam(required = false) String sort,
                                            @RequestParam(required = false) String dir) {
    PortalUser user = user(request);
    PortalText t = new PortalText(user.language());
    List<String> errors = new ArrayList<>();
    LocalDate fromDate = date(from, "from", t, errors);
    LocalDate toDate = date(to, "to", t, errors);
    CustomerSort order = parseSort(sort);
    boolean descending = dir == null ? order == CustomerSort.ISSUE_DATE || order == CustomerSort.DUE_DATE
        : !"asc".equals(dir);
    List<Invoice> list = invoices.forCustomer(user.customerNumber(), fromDate, toDate, order, descending, LIST_LIMIT);
    Map<Long, List<String>> references = invoices.orderReferences(list.stream().map(Invoice::id).toList());

    StringBuilder body = new StringBuilder("<h1>").append(t.t("invoices.title")).append("</h1>");
    body.append("<form id=\"filter-form\" method=\"get\" action=\"/portal/invoices\">")
        .append("<label for=\"from\">").append(t.t("invoices.from")).append("</label>")
        .append("<input id=\"from\" name=\"from\" type=\"date\" value=\"").append(esc(from)).append("\">")
        .append("<label for=\"to\">").append(t.t("invoices.to")).append("</label>")
        .append("<input id=\"to\" name=\"to\" type=\"date\" value=\"").append(esc(to)).append("\">")
        .append(hidden("sort", order.name().toLowerCase(Locale.ROOT)))
        .append(hidden("dir", descending ? "desc" : "asc"))
        .append("<button id=\"filter-submit\" type=\"submit\">").append(t.t("invoices.filter")).append("</button>")
        .append(" <a id=\"filter-clear\" href=\"/portal/invoices\">").append(t.t("invoices.clear")).append("</a></form>");
    errorList(body, errors);
    body.append("<table id=\"invoice-list\"><thead><tr>")
        .append(sortHeader(t, "number", "invoices.number", order, descending, from, to))
        .append("<th>").append(t.t("invoices.orderReferences")).append("</th>")
        .append(sortHeader(t, "issue_date", "invoices.issueDate", order, descending, from, to))
        .append(sortHeader(t, "due_date", "invoices.dueDate", order, descending, from, to))
        .append(sortHeader(t, "status", "invoices.status", order, descending, from, to));
    if (user.financial()) {
      body.append("<th class=\"amount\">").append(t.t("invoice.openAmount")).append("</th><th>")
          .append(t.t("invoices.planColumn")).append("</th>");
    }
    body.append("</tr></thead><tbody>");
    for (Invoice invoice : list) {
      body.append("<tr class=\"invoice\" data-invoice-number=\"").append(esc(invoice.invoiceNumber())).append("\">")
          .append("<td class=\"number\"><a href=\"").append(invoiceHref(invoice)).append("\">")
          .append(esc(invoice.invoiceNumber())).append("</a>")
          // Invoices from the previous system stand beside the new ones during the switch: not duplicates (seed 000).
          .append(invoice.migrated() ? " <span class=\"migrated\" title=\"" + esc(t.t("invoice.migrated.note"))
              + "\">" + esc(t.t("invoice.migrated")) + "</span>" : "")
          .append("</td>")
          .append("<td class=\"order-references\">")
          .append(esc(String.join(", ", references.getOrDefault(invoice.id(), List.of())))).append("</td>")
          .append("<td class=\"issue-date\">").append(invoice.issueDate()).append("</td>")
          .append("<td class=\"due-date\">").append(invoice.dueDate()).append("</td>")
          .append("<td class=\"status\" data-status=\"").append(invoice.status()).append("\">")
          .append(t.t("status." + invoice.status())).append("</td>");
      if (user.financial()) {
        body.append("<td class=\"amount\">").append(money(invoice.openAmount(), invoice, t)).append("</td><td>")
            .append(PortalPaymentPlanController.open(invoice) ? PortalPaymentPlanController.listAction(t, invoice) : "")
            .append("</td>");
      }
      body.append("</tr>");
    }
    body.append("</tbody></table>");
    if (list.isEmpty()) {
      body.append("<p id=\"no-invoices\">").append(t.t("invoices.none")).append("</p>");
    } else if (list.size() == LIST_LIMIT) {
      body.append("<p id=\"list-limited\">").append(t.t("invoices.limited", LIST_LIMIT)).append("</p>");
    }
    return html(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
        page(t, t.raw("invoices.title"), user, request, body.toString()));
  }

  @GetMapping("/portal/invoices/{invoiceNumber}")
  public ResponseEntity<String> invoicePage(HttpServletRequest request, @PathVariable String invoiceNumber,
                                            @RequestParam(required = false) String objection) {
    PortalUser user = user(request);
    Invoice invoice = ownInvoice(user, invoiceNumber);
    return html(HttpStatus.OK, invoicePage(request, user, invoice, "sent".equals(objection), List.of(), null, null));
  }

  /** The date or period of supply where the invoice states one (as its PDF does), else nothing. */
  private String supply(PortalText t, Invoice invoice) {
    return invoices.supply(invoice).filter(s -> s.differsFrom(invoice.issueDate()))
        .map(s -> s.date() != null ? item(t, "invoice-supply", "invoice.deliveryDate", esc(s.date()))
            : item(t, "invoice-supply", "invoice.supplyPeriod", esc(s.from() + " – " + s.to())))
        .orElse("");
  }

  private String invoicePage(HttpServletRequest request, PortalUser user, Invoice invoice, boolean objectionSent,
                             List<String> errors, String reason, String amount) {
    PortalText t = new PortalText(user.language());
    List<InvoiceLine> lines = invoices.lines(invoice);
    List<String> references = lines.stream().map(InvoiceLine::orderReference).filter(r -> r != null && !r.isBlank())
        .distinct().toList();
    StringBuilder body = new StringBuilder("<p><a id=\"back-to-list\" href=\"/portal/invoices\">")
        .append(t.t("invoice.back")).append("</a></p>")
        .append("<h1 id=\"invoice-number\">").append(t.t("invoice.title", invoice.invoiceNumber())).append("</h1>")
        .append(invoice.migrated() ? "<p id=\"invoice-migrated\" class=\"migrated\">" + esc(t.t("invoice.migrated.note"))
            + "</p>" : "")
        .append("<dl id=\"invoice-summary\">")
        .append(item(t, "invoice-issue-date", "invoices.issueDate", esc(invoice.issueDate())))
        .append(item(t, "invoice-due-date", "invoices.dueDate", esc(invoice.dueDate())))
        .append(supply(t, invoice))
        .append(item(t, "invoice-status", "invoices.status", t.t("status." + invoice.status())))
        .append(item(t, "invoice-period", "invoice.period", t.t("invoice.periodText", invoice.issueDate().toString(),
            references.isEmpty() ? "–" : String.join(", ", references))))
        .append("</dl>");

    body.append("<h2>").append(t.t("invoice.lines")).append("</h2><table id=\"invoice-lines\"><thead><tr><th>")
        .append(t.t("line.description")).append("</th><th>").append(t.t("line.orderReference"))
        .append("</th><th class=\"amount\">").append(t.t("line.quantity")).append("</th>");
    if (user.financial()) {
      body.append("<th class=\"amount\">").append(t.t("line.unitPrice")).append("</th><th class=\"amount\">")
          .append(t.t("line.vatRate")).append("</th><th class=\"amount\">").append(t.t("line.netAmount")).append("</th>");
    }
    body.append("</tr></thead><tbody>");
    for (InvoiceLine line : lines) {
      body.append("<tr class=\"line\"><td class=\"description\">").append(esc(line.description()))
          .append("</td><td class=\"order-reference\">").append(esc(line.orderReference()))
          .append("</td><td class=\"amount quantity\">").append(esc(Money.quantity(line.quantity(), t.language())))
          .append("</td>");
      if (user.financial()) {
        body.append("<td class=\"amount\">").append(money(line.unitPrice(), invoice, t)).append("</td><td class=\"amount\">")
            .append(esc(line.vatRate().stripTrailingZeros().toPlainString())).append(" %</td><td class=\"amount\">")
            .append(money(line.netAmount(), invoice, t)).append("</td>");
      }
      body.append("</tr>");
    }
    body.append("</tbody></table>");

    if (user.financial()) {
      body.append("<section id=\"financial-details\"><h2>").append(t.t("invoice.financial")).append("</h2><dl>")
          .append(item(t, "net-amount", "invoice.netAmount", money(invoice.netAmount(), invoice, t)))
          .append(item(t, "vat-amount", "invoice.vatAmount", money(invoice.vatAmount(), invoice, t)))
          .append(item(t, "total-amount", "invoice.totalAmount", money(invoice.totalAmount(), invoice, t)))
          .append(item(t, "fees-amount", "invoice.feesAmount", money(invoice.feesAmount(), invoice, t)))
          .append(item(t, "paid-amount", "invoice.paidAmount", money(invoice.paidAmount(), invoice, t)))
          .append(item(t, "credited-amount", "invoice.creditedAmount", money(invoice.creditedAmount(), invoice, t)))
          .append(item(t, "disputed-amount", "invoice.disputedAmount", money(invoice.disputedAmount(), invoice, t)))
          .append(item(t, "open-amount", "invoice.openAmount", money(invoice.openAmount(), invoice, t)))
          .append(item(t, "pay-by", "invoice.payBy", esc(invoice.payBy())))
          .append(item(t, "payment-reference", "invoice.paymentReference", esc(invoice.paymentReference())))
          .append("</dl><h3>").append(t.t("invoice.payments")).append("</h3><table id=\"payments\"><thead><tr><th>")
          .append(t.t("payment.paidAt")).append("</th><th class=\"amount\">").append(t.t("payment.amount"))
          .append("</th></tr></thead><tbody>");
      for (Payment p : payments.forInvoice(invoice.id())) {
        body.append("<tr class=\"payment\"><td>").append(esc(p.paidAt())).append("</td><td class=\"amount\">")
            .append(money(p.amount(), invoice, t)).append("</td></tr>");
      }
      body.append("</tbody></table><p class=\"note\">").append(t.t("invoice.interestNote")).append("</p></section>");
    } else {
      body.append("<p id=\"financial-hidden\" class=\"note\">").append(t.t("invoice.financialHidden")).append("</p>");
    }
    if (user.financial()) {
      PayNow.forInvoice(invoice, seller).ifPresent(pay -> body.append(payNow(t, invoice, pay)));
      if (PortalPaymentPlanController.open(invoice)) {
        body.append(PortalPaymentPlanController.actions(t, invoice));
      }
    }

    body.append("<h2>").append(t.t("invoice.documents")).append("</h2><table id=\"documents\"><thead><tr><th>")
        .append(t.t("document.kind")).append("</th><th>").append(t.t("document.file")).append("</th><th>")
        .append(t.t("document.sentAt")).append("</th><th>").append(t.t("document.channel"))
        .append("</th></tr></thead><tbody>");
    for (StoredDocument d : documents.forInvoice(invoice)) {
      body.append("<tr class=\"document\"><td>").append(t.t("kind." + d.kind()))
          .append(d.isRendition() ? " (" + esc(d.mediaType()) + ")" : "").append("</td><td><a id=\"document-")
          .append(d.id()).append("\" href=\"").append(invoiceHref(invoice)).append("/documents/").append(d.id())
          .append("\">").append(esc(d.fileName())).append("</a></td><td>")
          .append(d.sentAt() == null ? "" : esc(d.sentAt().atZone(zone).toLocalDateTime().withNano(0)))
          .append("</td><td>").append(d.sentChannel() == null ? "" : t.t("channel." + d.sentChannel()))
          .append("</td></tr>");
    }
    body.append("</tbody></table>");

    body.append("<section id=\"objection\"><h2>").append(t.t("objection.title")).append("</h2>");
    if (objectionSent) {
      body.append("<p id=\"objection-sent\" class=\"ok\">").append(t.t("objection.sent")).append("</p>");
    }
    Optional<InvoiceView.DisputeView> dispute = disputes.latestFor(invoice);
    dispute.ifPresent(d -> {
      body.append("<dl id=\"objection-details\">")
          .append(item(t, "objection-status", "objection.status", "<span data-status=\"" + esc(d.status()) + "\">"
              + t.t("dispute." + d.status()) + "</span>"))
          .append(item(t, "objection-reason", "objection.reason", esc(d.reason())))
          .append(item(t, "objection-deadline", "objection.deadline", esc(d.deadline())));
      if (user.financial()) {
        body.append(item(t, "objection-amount", "objection.amount", money(d.disputedAmount(), invoice, t)));
      }
      body.append(item(t, "objection-reply", "objection.reply", d.reply() == null ? t.t("objection.noReply")
          : esc(d.reply()))).append("</dl>");
    });
    boolean open = dispute.filter(d -> "OPEN".equals(d.status())).isPresent();
    if (!invoice.status().isFinal() && !open) {
      errorList(body, errors);
      body.append("<form id=\"objection-form\" method=\"post\" action=\"").append(invoiceHref(invoice))
          .append("/objections\">").append(hidden(PortalFilter.CSRF_PARAMETER, csrf(request)))
          .append("<fieldset><legend>").append(t.t("objection.scope")).append("</legend>")
          .append("<label><input type=\"radio\" id=\"scope-whole\" name=\"scope\" value=\"whole\"")
          .append(amount == null || amount.isBlank() ? " checked" : "").append("> ")
          .append(t.t("objection.whole")).append("</label> ")
          .append("<label><input type=\"radio\" id=\"scope-part\" name=\"scope\" value=\"part\"")
          .append(amount == null || amount.isBlank() ? "" : " checked").append("> ")
          .append(t.t("objection.part")).append("</label> ")
          .append("<label for=\"objection-amount-input\">").append(t.t("objection.amount")).append("</label>")
          .append("<input id=\"objection-amount-input\" name=\"amount\" inputmode=\"decimal\" value=\"")
          .append(esc(amount)).append("\"></fieldset>")
          .append("<label for=\"objection-reason-input\">").append(t.t("objection.reason")).append("</label>")
          .append("<textarea id=\"objection-reason-input\" name=\"reason\" maxlength=\"2000\" required>")
          .append(esc(reason)).append("</textarea>")
          .append("<button id=\"objection-submit\" type=\"submit\">").append(t.t("objection.submit"))
          .append("</button></form>");
    }
    body.append("</section>");
    return page(t, t.raw("invoice.title", invoice.invoiceNumber()), user, request, body.toString());
  }

  @GetMapping("/portal/invoices/{invoiceNumber}/documents/{id}")
  public ResponseEntity<byte[]> document(HttpServletRequest request, @PathVariable String invoiceNumber,
                                         @PathVariable long id) {
    Invoice invoice = ownInvoice(user(request), invoiceNumber);
    StoredDocument document = documents.ofInvoice(invoice, id)
        .orElseThrow(() -> new NotFoundException("No document " + id));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(document.fileName()).build().toString())
        .body(document.content());
  }

  /**
   * The "Betala med QR" code of what the invoice asks to be paid now (PNG), for a user who may see the amounts: the
   * invoice must be the user's customer's, valid as a number and have something to pay with a code; otherwise 404,
   * the same as for an invoice that does not exist.
   */
  @GetMapping("/portal/invoices/{invoiceNumber}/pay-now.png")
  public ResponseEntity<byte[]> payNowCode(HttpServletRequest request, @PathVariable String invoiceNumber) {
    PortalUser user = user(request);
    if (!Identifiers.isValid(invoiceNumber)) {
      throw new NotFoundException("No invoice");
    }
    Invoice invoice = ownInvoice(user, invoiceNumber);
    if (!user.financial()) {
      throw new PortalUsers.PortalForbiddenException();
    }
    String code = PayNow.forInvoice(invoice, seller).flatMap(PayNow::usingQr)
        .orElseThrow(() -> new NotFoundException("Nothing to pay by QR code on invoice " + invoiceNumber));
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        // What is owed changes with every payment: never a stale code from a cache.
        .cacheControl(CacheControl.noStore())
        .body(QrCode.of(code).png(6));
  }

  /** What lets the customer pay at once: amount, date, reference, account and, for a Swedish seller, the QR code. */
  private String payNow(PortalText t, Invoice invoice, PayNow pay) {
    String label = pay.referenceLabel() == null ? t.t("invoice.paymentReference") : esc(pay.referenceLabel());
    StringBuilder html = new StringBuilder("<section id=\"pay-now\"><h2>").append(t.t("payNow.title"))
        .append("</h2><dl>")
        .append(item(t, "pay-now-amount", "invoice.openAmount", money(pay.amount(), invoice, t)))
        .append(item(t, "pay-now-pay-by", "invoice.payBy", esc(pay.payBy())))
        .append("<dt>").append(label).append("</dt><dd id=\"pay-now-reference\">").append(esc(pay.reference()))
        .append("</dd>");
    if (pay.bankgiro() != null) {
      html.append(item(t, "pay-now-bankgiro", "payNow.bankgiro", esc(pay.bankgiro())));
    }
    if (pay.bankAccount() != null) {
      html.append(item(t, "pay-now-account", "payNow.account", esc(pay.bankAccount())));
    }
    if (pay.iban() != null) {
      html.append("<dt>IBAN</dt><dd id=\"pay-now-iban\">").append(esc(pay.iban())).append("</dd>");
    }
    if (pay.bic() != null) {
      html.append("<dt>BIC</dt><dd id=\"pay-now-bic\">").append(esc(pay.bic())).append("</dd>");
    }
    html.append("</dl>");
    if (pay.usingQr().isPresent()) {
      html.append("<figure id=\"pay-now-qr\"><img src=\"").append(invoiceHref(invoice))
          .append("/pay-now.png\" width=\"180\" height=\"180\" alt=\"").append(t.t("payNow.qrAlt"))
          .append("\"><figcaption>").append(t.t("payNow.scan")).append("</figcaption></figure>");
    }
    return html.append("</section>").toString();
  }

  @PostMapping("/portal/invoices/{invoiceNumber}/objections")
  public ResponseEntity<String> raiseObjection(HttpServletRequest request, @PathVariable String invoiceNumber,
                                               @RequestParam(required = false) String scope,
                                               @RequestParam(required = false) String amount,
                                               @RequestParam(required = false) String reason) {
    PortalUser user = user(request);
    PortalText t = new PortalText(user.language());
    Invoice invoice = ownInvoice(user, invoiceNumber);
    List<String> errors = new ArrayList<>();
    BigDecimal disputed = null;
    if ("part".equals(scope)) {
      try {
        disputed = new BigDecimal(amount == null ? "" : amount.strip().replace("\u00a0", "").replace(" ", "")
            .replace(',', '.'));
      } catch (NumberFormatException e) {
        errors.add(t.raw("objection.amountInvalid"));
      }
    }
    if (errors.isEmpty()) {
      try {
        ObjectionRequest objection = new ObjectionRequest(disputed, reason, RaisedBy.CUSTOMER, null);
        conflicts.retrying(() -> disputes.raise(invoice.invoiceNumber(), objection));
        return redirect(invoiceHref(invoice) + "?objection=sent");
      } catch (InvalidRequestException e) {
        for (Violation v : e.violations()) {
          errors.add(t.raw("field." + v.field()) + ": " + v.message());
        }
      } catch (ConflictException e) {
        errors.add(e.getMessage());
        return html(HttpStatus.CONFLICT, invoicePage(request, user, ownInvoice(user, invoiceNumber), false, errors,
            reason, amount));
      }
    }
    return html(HttpStatus.BAD_REQUEST, invoicePage(request, user, invoice, false, errors, reason,
        "part".equals(scope) ? amount : null));
  }

  // ---------------------------------------------------------------- the customer's administrator

  @GetMapping("/portal/users")
  public ResponseEntity<String> usersPage(HttpServletRequest request) {
    PortalUser admin = administrator(request);
    return html(HttpStatus.OK, usersPage(request, admin, List.of(), null));
  }

  private String usersPage(HttpServletRequest request, PortalUser admin, List<String> errors, PortalUserRequest form) {
    PortalText t = new PortalText(admin.language());
    String csrf = csrf(request);
    Customer customer = customers.get(admin.customerNumber());
    StringBuilder body = new StringBuilder("<h1>").append(t.t("users.title")).append("</h1><p id=\"customer-name\">")
        .append(esc(customer.name())).append(" (").append(esc(customer.customerNumber())).append(")</p>")
        .append("<table id=\"user-list\"><thead><tr><th>").append(t.t("users.username")).append("</th><th>")
        .append(t.t("users.name")).append("</th><th>").append(t.t("users.administrator")).append("</th><th>")
        .append(t.t("users.financial")).append("</th><th>").append(t.t("users.state")).append("</th><th></th></tr></thead><tbody>");
    for (PortalUser u : users.ofCustomer(admin.customerNumber())) {
      String name = esc(u.username());
      body.append("<tr id=\"user-").append(name).append("\" class=\"user\"><td class=\"username\">").append(name)
          .append("</td><td>").append(esc(u.name())).append("</td><td class=\"administrator\">")
          .append(t.t(u.administrator() ? "yes" : "no")).append("</td><td class=\"financial\" data-financial=\"")
          .append(u.financial()).append("\">").append(t.t(u.financial() ? "yes" : "no"))
          .append("</td><td class=\"state\">").append(t.t(u.disabled() ? "users.disabled" : "users.active"))
          .append("</td><td>");
      if (!u.disabled()) {
        body.append("<form method=\"post\" action=\"/portal/users/").append(u.id()).append("/financial\">")
            .append(hidden(PortalFilter.CSRF_PARAMETER, csrf)).append(hidden("financial", String.valueOf(!u.financial())))
            .append("<button type=\"submit\" id=\"").append(u.financial() ? "revoke-" : "grant-").append(name)
            .append("\">").append(t.t(u.financial() ? "users.revoke" : "users.grant")).append("</button></form>");
        if (u.id() != admin.id()) {
          body.append("<form method=\"post\" action=\"/portal/users/").append(u.id()).append("/disable\">")
              .append(hidden(PortalFilter.CSRF_PARAMETER, csrf)).append("<button type=\"submit\" id=\"disable-")
              .append(name).append("\">").append(t.t("users.disable")).append("</button></form>");
        }
      }
      body.append("</td></tr>");
    }
    body.append("</tbody></table><h2>").append(t.t("users.new")).append("</h2>");
    errorList(body, errors);
    PortalUserRequest f = form == null ? new PortalUserRequest(null, null, null, null, false, false, null) : form;
    body.append("<form id=\"new-user-form\" method=\"post\" action=\"/portal/users\">")
        .append(hidden(PortalFilter.CSRF_PARAMETER, csrf))
        .append(input(t, "new-username", "username", "users.username", "text", f.username()))
        .append(input(t, "new-name", "name", "users.name", "text", f.name()))
        .append(input(t, "new-email", "email", "users.email", "email", f.email()))
        .append(input(t, "new-password", "password", "users.password", "password", null))
        .append("<label><input type=\"checkbox\" id=\"new-administrator\" name=\"administrator\" value=\"true\"")
        .append(Boolean.TRUE.equals(f.administrator()) ? " checked" : "").append("> ").append(t.t("users.administrator"))
        .append("</label><label><input type=\"checkbox\" id=\"new-financial\" name=\"financial\" value=\"true\"")
        .append(Boolean.TRUE.equals(f.financial()) ? " checked" : "").append("> ").append(t.t("users.financial"))
        .append("</label><label for=\"new-language\">").append(t.t("users.language"))
        .append("</label><select id=\"new-language\" name=\"language\">");
    for (String language : List.of("sv", "nb", "en")) {
      body.append("<option value=\"").append(language).append("\"")
          .append(language.equals(f.language() == null ? admin.language() : f.language()) ? " selected" : "")
          .append(">").append(t.t("language." + language)).append("</option>");
    }
    body.append("</select><button id=\"new-user-submit\" type=\"submit\">").append(t.t("users.create"))
        .append("</button></form>");
    return page(t, t.raw("users.title"), admin, request, body.toString());
  }

  @PostMapping("/portal/users")
  public ResponseEntity<String> createUser(HttpServletRequest request,
                                           @RequestParam(required = false) String username,
                                           @RequestParam(required = false) String name,
                                           @RequestParam(required = false) String email,
                                           @RequestParam(required = false) String password,
                                           @RequestParam(required = false) Boolean administrator,
                                           @RequestParam(required = false) Boolean financial,
                                           @RequestParam(required = false) String language) {
    PortalUser admin = administrator(request);
    PortalText t = new PortalText(admin.language());
    PortalUserRequest form = new PortalUserRequest(username, name, email == null || email.isBlank() ? null : email,
        password, Boolean.TRUE.equals(administrator), Boolean.TRUE.equals(financial), language);
    try {
      users.create(admin.customerNumber(), form, "portal:" + admin.username());
      return redirect("/portal/users");
    } catch (InvalidRequestException e) {
      List<String> errors = e.violations().stream().map(v -> t.raw("field." + v.field()) + ": " + v.message()).toList();
      return html(HttpStatus.BAD_REQUEST, usersPage(request, admin, errors, form));
    } catch (ConflictException e) {
      return html(HttpStatus.CONFLICT, usersPage(request, admin, List.of(t.raw("users.taken")), form));
    }
  }

  @PostMapping("/portal/users/{id}/financial")
  public ResponseEntity<String> financial(HttpServletRequest request, @PathVariable long id,
                                          @RequestParam boolean financial) {
    users.setFinancial(administrator(request), id, financial);
    return redirect("/portal/users");
  }

  @PostMapping("/portal/users/{id}/disable")
  public ResponseEntity<String> disable(HttpServletRequest request, @PathVariable long id) {
    users.disable(administrator(request), id);
    return redirect("/portal/users");
  }

  // ---------------------------------------------------------------- errors

  @ExceptionHandler(NotFoundException.class)
  public ResponseEntity<String> notFound(HttpServletRequest request) {
    return errorPage(request, HttpStatus.NOT_FOUND, "error.notFound");
  }

  @ExceptionHandler(PortalUsers.PortalForbiddenException.class)
  public ResponseEntity<String> forbidden(HttpServletRequest request) {
    return errorPage(request, HttpStatus.FORBIDDEN, "error.forbidden");
  }

  @ExceptionHandler(ConflictException.class)
  public ResponseEntity<String> conflict(HttpServletRequest request, ConflictException e) {
    return errorPage(request, HttpStatus.CONFLICT, "error.conflict");
  }

  private ResponseEntity<String> errorPage(HttpServletRequest request, HttpStatus status, String key) {
    PortalUser user = request.getAttribute(PortalFilter.USER) instanceof PortalUser u ? u : null;
    PortalText t = new PortalText(user == null ? anonymousLanguage(request) : user.language());
    return html(status, page(t, t.raw(key), user, request, "<h1>" + status.value() + "</h1><p id=\"error\">"
        + t.t(key) + "</p><p><a href=\"/portal/invoices\">" + t.t("invoice.back") + "</a></p>"));
  }

  // ---------------------------------------------------------------- helpers

  static PortalUser user(HttpServletRequest request) {
    if (request.getAttribute(PortalFilter.USER) instanceof PortalUser user) {
      return user;
    }
    throw new IllegalStateException("The portal filter did not run for " + request.getRequestURI());
  }

  private static PortalUser administrator(HttpServletRequest request) {
    PortalUser user = user(request);
    if (!user.administrator()) {
      throw new PortalUsers.PortalForbiddenException();
    }
    return user;
  }

  static String csrf(HttpServletRequest request) {
    return (String) request.getAttribute(PortalFilter.CSRF);
  }

  /** The invoice if it is the user's customer's; otherwise 404, the same as an invoice that does not exist. */
  private Invoice ownInvoice(PortalUser user, String invoiceNumber) {
    return invoices.find(invoiceNumber).filter(i -> i.customerNumber().equals(user.customerNumber()))
        .orElseThrow(() -> new NotFoundException("No invoice " + invoiceNumber));
  }

  private String anonymousLanguage(HttpServletRequest request) {
    String cookie = PortalSessions.cookie(request, PortalSessions.LANGUAGE_COOKIE);
    if (cookie != null && PortalUsers.LANGUAGES.contains(cookie)) {
      return cookie;
    }
    if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
      Enumeration<Locale> locales = request.getLocales();
      while (locales.hasMoreElements()) {
        String language = locales.nextElement().getLanguage();
        if (language.equals("sv") || language.equals("en")) {
          return language;
        }
        if (language.equals("nb") || language.equals("no") || language.equals("nn")) {
          return "nb";
        }
      }
    }
    return defaultLanguage;
  }

  private static CustomerSort parseSort(String sort) {
    if (sort != null) {
      for (CustomerSort s : CustomerSort.values()) {
        if (s.name().equalsIgnoreCase(sort)) {
          return s;
        }
      }
    }
    return CustomerSort.ISSUE_DATE;
  }

  private static LocalDate date(String value, String field, PortalText t, List<String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      errors.add(t.raw("invoices.badDate", t.raw("invoices." + field), value));
      return null;
    }
  }

  private static String sortHeader(PortalText t, String sort, String key, CustomerSort current, boolean descending,
                                   String from, String to) {
    boolean active = current.name().equalsIgnoreCase(sort);
    String dir = active && !descending ? "desc" : "asc";
    StringBuilder href = new StringBuilder("/portal/invoices?sort=").append(sort).append("&amp;dir=").append(dir);
    if (from != null && !from.isBlank()) {
      href.append("&amp;from=").append(esc(java.net.URLEncoder.encode(from, java.nio.charset.StandardCharsets.UTF_8)));
    }
    if (to != null && !to.isBlank()) {
      href.append("&amp;to=").append(esc(java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8)));
    }
    return "<th" + (active ? " aria-sort=\"" + (descending ? "descending" : "ascending") + "\"" : "")
        + "><a id=\"sort-" + sort.replace('_', '-') + "\" href=\"" + href + "\">" + t.t(key)
        + (active ? (descending ? " ▼" : " ▲") : "") + "</a></th>";
  }

  static String invoiceHref(Invoice invoice) {
    return "/portal/invoices/" + esc(org.springframework.web.util.UriUtils.encodePathSegment(invoice.invoiceNumber(),
        java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String money(BigDecimal amount, Invoice invoice, PortalText t) {
    return esc(Money.format(amount, t.language()) + " " + invoice.currency());
  }

  static String item(PortalText t, String id, String key, String html) {
    return "<dt>" + t.t(key) + "</dt><dd id=\"" + id + "\">" + html + "</dd>";
  }

  static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
  }

  private static String input(PortalText t, String id, String name, String key, String type, String value) {
    return "<label for=\"" + id + "\">" + t.t(key) + "</label><input id=\"" + id + "\" name=\"" + name + "\" type=\""
        + type + "\" value=\"" + esc(value) + "\">";
  }

  static void errorList(StringBuilder body, List<String> errors) {
    if (!errors.isEmpty()) {
      body.append("<ul id=\"form-errors\" class=\"error\">");
      errors.forEach(e -> body.append("<li>").append(esc(e)).append("</li>"));
      body.append("</ul>");
    }
  }

  static String page(PortalText t, String title, PortalUser user, HttpServletRequest request, String body) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(t.language())
        .append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append(" – ").append(t.t("portal.name")).append("</title>")
        .append("<link rel=\"stylesheet\" href=\"/portal-assets/portal.css\"></head><body><header><span class=\"brand\">")
        .append(t.t("portal.name")).append("</span>");
    if (user != null) {
      String csrf = csrf(request);
      html.append("<nav><a id=\"nav-invoices\" href=\"/portal/invoices\">").append(t.t("invoices.title")).append("</a>");
      if (user.financial()) {
        html.append(" <a id=\"nav-payment-plans\" href=\"/portal/payment-plans\">").append(t.t("plans.title"))
            .append("</a>");
      }
      if (user.administrator()) {
        html.append(" <a id=\"nav-users\" href=\"/portal/users\">").append(t.t("users.title")).append("</a>");
      }
      html.append("</nav><form id=\"language-form\" method=\"post\" action=\"/portal/language\">")
          .append(hidden(PortalFilter.CSRF_PARAMETER, csrf))
          .append(hidden("back", request.getRequestURI().substring(request.getContextPath().length())))
          .append("<select id=\"language\" name=\"lang\" aria-label=\"").append(t.t("users.language")).append("\">");
      for (String language : List.of("sv", "nb", "en")) {
        html.append("<option value=\"").append(language).append("\"").append(language.equals(t.language()) ? " selected" : "")
            .append(">").append(t.t("language." + language)).append("</option>");
      }
      html.append("</select><button id=\"language-submit\" type=\"submit\">").append(t.t("language.change"))
          .append("</button></form><span id=\"current-user\">").append(esc(user.name())).append("</span>")
          .append("<form id=\"logout-form\" method=\"post\" action=\"/portal/logout\">")
          .append(hidden(PortalFilter.CSRF_PARAMETER, csrf)).append("<button id=\"logout\" type=\"submit\">")
          .append(t.t("logout")).append("</button></form>");
    }
    return html.append("</header><main>").append(body).append("</main></body></html>").toString();
  }

  static ResponseEntity<String> html(HttpStatus status, String html) {
    return ResponseEntity.status(status).contentType(HTML).body(html);
  }

  static ResponseEntity<String> redirect(String location) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
  }
}
