package io.fordra.document;

import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.kernel.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The invoice hotel (seed 001 step 4): every document produced for an invoice, as it was sent. */
@RestController
class DocumentController {

  /**
   * One entry of GET /api/invoices/{n}/documents; sentAt is null for a document not (yet) handed to a channel,
   * renditionOf is the id of the letter a rendition (e.g. the e-invoice's UBL) is another format of, else null.
   */
  public record DocumentEntry(long id, DocumentKind kind, int sequenceNumber, String fileName, String mediaType,
                              int size, Instant createdAt, Instant sentAt, String sentChannel, String sentTo,
                              String href, Long renditionOf) {}

  private final DocumentService documents;
  private final InvoiceService invoices;

  public DocumentController(DocumentService documents, InvoiceService invoices) {
    this.documents = documents;
    this.invoices = invoices;
  }

  @GetMapping("/api/invoices/{invoiceNumber}/documents")
  public List<DocumentEntry> list(@PathVariable String invoiceNumber) {
    Invoice invoice = invoices.get(invoiceNumber);
    return documents.forInvoice(invoice).stream()
        .map(d -> new DocumentEntry(d.id(), d.kind(), d.sequenceNumber(), d.fileName(), d.mediaType(),
            d.content().length, d.createdAt(), d.sentAt(), d.sentChannel(), d.sentTo(),
            "/api/invoices/" + invoiceNumber + "/documents/" + d.id(), d.renditionOf()))
        .toList();
  }

  @GetMapping("/api/invoices/{invoiceNumber}/documents/{id}")
  public ResponseEntity<byte[]> get(@PathVariable String invoiceNumber, @PathVariable long id) {
    Invoice invoice = invoices.get(invoiceNumber);
    StoredDocument document = documents.ofInvoice(invoice, id)
        .orElseThrow(() -> new NotFoundException("Invoice " + invoiceNumber + " has no document " + id));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(document.fileName()).build().toString())
        .body(document.content());
  }
}
