package io.fordra.cockpit;

import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceService;
import io.fordra.kernel.NotFoundException;
import io.fordra.invoice.InvoiceToCash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Fordra's own record of an invoice (events: e-mails, letters and documents sent, with channel and recipient; and the
 * documents of the invoice hotel) for the Cockpit plugin "Invoice history", read-only and under the Cockpit login:
 * the browser's Cockpit session is the credential (no HTTP Basic), so only GET exists here.
 *
 * <p>What a Cockpit user may see follows the engine: the invoice's invoice-to-cash instance must be visible to the
 * user in the engine's history (Camunda authorizations apply when they are enabled), otherwise 404.
 */
@RestController
class CockpitInvoiceRecordController {

  /** Where the plugin finds this, relative to Fordra's context path. */
  public static final String PATH = "/cockpit-fordra/invoices";

  /** One invoice event, as in GET /api/invoices/{n}. */
  public record Event(Instant at, String type, String channel, String recipient, String message) {}

  /** One document of the invoice hotel; href opens it under the Cockpit session. */
  public record Document(long id, String kind, int sequenceNumber, String fileName, String mediaType,
                         Instant createdAt, Instant sentAt, String sentChannel, String sentTo, String href) {}

  public record Record(String invoiceNumber, String status, String currency, BigDecimal totalAmount, BigDecimal openAmount,
                       List<Event> events, List<Document> documents) {}

  private final ProcessEngine engine;
  private final InvoiceService invoices;
  private final DocumentService documents;

  public CockpitInvoiceRecordController(ProcessEngine engine, InvoiceService invoices, DocumentService documents) {
    this.engine = engine;
    this.invoices = invoices;
    this.documents = documents;
  }

  @GetMapping(PATH + "/{invoiceNumber}")
  public Record get(@PathVariable String invoiceNumber, HttpServletRequest request) {
    Invoice invoice = visibleInvoice(invoiceNumber, request);
    return new Record(invoice.invoiceNumber(), invoice.status().name(), invoice.currency().name(),
        invoice.totalAmount(), invoice.openAmount(),
        invoices.events(invoice).stream().map(CockpitInvoiceRecordController::event).toList(),
        documents.forInvoice(invoice).stream().map(d -> document(invoiceNumber, d)).toList());
  }

  @GetMapping(PATH + "/{invoiceNumber}/documents/{id}")
  public ResponseEntity<byte[]> document(@PathVariable String invoiceNumber, @PathVariable long id,
                                         HttpServletRequest request) {
    Invoice invoice = visibleInvoice(invoiceNumber, request);
    StoredDocument document = documents.ofInvoice(invoice, id)
        .orElseThrow(() -> new NotFoundException("Invoice " + invoiceNumber + " has no document " + id));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(document.fileName()).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(document.content());
  }

  /** The invoice, if the Cockpit user of this session may read its invoice-to-cash history. */
  private Invoice visibleInvoice(String invoiceNumber, HttpServletRequest request) {
    UserAuthentication user = cockpitUser(request);
    engine.getIdentityService().setAuthentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
    try {
      long visible = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(InvoiceToCash.KEY).processInstanceBusinessKey(invoiceNumber).count();
      if (visible == 0) {
        throw new NotFoundException("No invoice-to-cash history for invoice " + invoiceNumber);
      }
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return invoices.get(invoiceNumber);
  }

  private UserAuthentication cockpitUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications != null
        && authentications.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user
        && user.isAuthorizedForApp("cockpit")) {
      return user;
    }
    throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "log in to Camunda Cockpit first");
  }

  private static Event event(InvoiceEvent e) {
    return new Event(e.at(), e.type().name(), e.channel(), e.recipient(), e.message());
  }

  private static Document document(String invoiceNumber, StoredDocument d) {
    return new Document(d.id(), d.kind().name(), d.sequenceNumber(), d.fileName(), d.mediaType(), d.createdAt(),
        d.sentAt(), d.sentChannel(), d.sentTo(), PATH + "/" + invoiceNumber + "/documents/" + d.id());
  }
}
