package io.fordra.distribution.einvoice;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The EINVOICE channel: an invoice or credit note letter as PEPPOL BIS Billing 3.0 UBL, checked against the PEPPOL
 * rules, kept in the invoice hotel as a rendition of the letter and written to the outbox for the access point.
 */
@Service
public class EInvoiceService {

  public static final String XML = "application/xml";

  private final DocumentService documents;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final UblMapper mapper;
  private final PeppolRules rules;
  private final EInvoiceOutbox outbox;
  private final EInvoiceProperties properties;
  private final UblWriter writer = new UblWriter();

  public EInvoiceService(DocumentService documents, InvoiceService invoices, CustomerService customers,
                         UblMapper mapper, PeppolRules rules, EInvoiceOutbox outbox, EInvoiceProperties properties) {
    this.documents = documents;
    this.invoices = invoices;
    this.customers = customers;
    this.mapper = mapper;
    this.rules = rules;
    this.outbox = outbox;
    this.properties = properties;
  }

  /** As {@link #deliver(long, String)} with the first line's order reference, else the customer number, as BT-10. */
  @Transactional(noRollbackFor = {EInvoiceRejectedException.class, NoElectronicAddressException.class})
  public EInvoiceDelivery deliver(long documentId) {
    return deliver(documentId, null);
  }

  /**
   * Delivers the letter (kind INVOICE or CREDIT_NOTE) as an e-invoice. A retry finds the rendition stored the first
   * time and writes its very bytes under the same file name, replacing the earlier file.
   *
   * @param buyerReference the buyer's reference (BT-10), e.g. a reference person; null = the first line's order
   *     reference, else the customer number. It shapes only the first delivery.
   * @throws NoElectronicAddressException the customer has no PEPPOL endpoint: route the letter to another channel
   * @throws EInvoiceRejectedException the UBL breaks a PEPPOL rule; nothing was stored or written
   */
  // A rejection is a business outcome (a deviation), not a failure of the caller's transaction.
  @Transactional(noRollbackFor = {EInvoiceRejectedException.class, NoElectronicAddressException.class})
  public EInvoiceDelivery deliver(long documentId, String buyerReference) {
    StoredDocument letter = documents.get(documentId);
    if (letter.isRendition() || !(letter.kind() == DocumentKind.INVOICE || letter.kind() == DocumentKind.CREDIT_NOTE)) {
      throw new IllegalArgumentException("Only invoice and credit note letters go as e-invoices, not document "
          + documentId + " (" + letter.fileName() + ")");
    }
    Invoice invoice = invoices.byId(letter.invoiceId());
    Customer customer = customers.get(invoice.customerNumber());
    String documentNumber = mapper.documentNumber(letter, invoice);
    Customer.ElectronicAddress endpoint = customer.electronicAddress();
    if (endpoint == null || endpoint.scheme() == null || endpoint.id() == null || endpoint.id().isBlank()) {
      throw new NoElectronicAddressException(customer.customerNumber(), documentNumber);
    }

    Optional<StoredDocument> earlier = documents.rendition(letter, XML);
    StoredDocument rendition = earlier.orElseGet(() -> {
      boolean creditNote = letter.kind() == DocumentKind.CREDIT_NOTE;
      UblData data = mapper.map(letter, invoice, customer, buyerReference);
      byte[] ubl = creditNote ? writer.creditNote(data) : writer.invoice(data);
      if (properties.validate()) {
        List<ValidationError> errors = rules.errors(ubl, creditNote);
        if (!errors.isEmpty()) {
          throw new EInvoiceRejectedException(documentNumber, errors);
        }
      }
      return documents.storeRendition(letter, XML, letter.fileName().replaceFirst("\\.pdf$", "") + ".xml", ubl);
    });
    // Named by seller and document number, so a retry replaces the file instead of adding a second e-invoice.
    String fileName = mapper.sellerOrganisationNumber() + "-" + documentNumber.replaceAll("[^A-Za-z0-9._-]", "_")
        + ".xml";
    outbox.write(fileName, rendition.content());
    return new EInvoiceDelivery(endpoint.scheme() + ":" + endpoint.id(), fileName, rendition.id());
  }
}
