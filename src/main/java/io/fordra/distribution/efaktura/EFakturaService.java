package io.fordra.distribution.efaktura;

import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.distribution.DistributionService;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The EFAKTURA channel: an invoice letter issued as Norwegian eFaktura to a private person, after the eFaktura register
 * says the person accepts eFaktura from this issuer. A letter is issued once: its row in fordra_efaktura_delivery is
 * written with the delivery, and its consignment id is derived from the letter, so a retry after a lost answer sends
 * the same consignment, which the service refuses as a duplicate (209) instead of issuing it twice.
 */
@Service
public class EFakturaService {

  /** Either delivered (rejection null) or why the letter cannot go by eFaktura (a deviation: the reserve channel). */
  public record Outcome(String rejection) {}

  private final DocumentService documents;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final DistributionService distribution;
  private final EFakturaRegister register;
  private final EFakturaClient client;
  private final EFakturaRepository repository;
  private final SellerProperties seller;
  private final FordraClock clock;

  EFakturaService(DocumentService documents, InvoiceService invoices, CustomerService customers,
                  DistributionService distribution, EFakturaRegister register, EFakturaClient client,
                  EFakturaRepository repository, SellerProperties seller, FordraClock clock) {
    this.documents = documents;
    this.invoices = invoices;
    this.customers = customers;
    this.distribution = distribution;
    this.register = register;
    this.client = client;
    this.repository = repository;
    this.seller = seller;
    this.clock = clock;
  }

  /** The consignment id of a letter: 11 digits (the service's ConsignmentIdType), the same on every retry. */
  static String consignmentId(long documentId) {
    return String.format("%011d", documentId);
  }

  /**
   * Issues the letter as eFaktura, or says why it cannot go this way (recorded on the invoice).
   *
   * @throws EFakturaUnavailableException the service could not be reached: nothing is stored, the job retries
   */
  @Transactional
  public Outcome issue(long documentId, int attempt) {
    StoredDocument letter = documents.get(documentId);
    Invoice invoice = invoices.lock(invoices.byId(letter.invoiceId()).invoiceNumber());
    Optional<EFakturaRepository.Delivery> earlier = repository.delivery(documentId);
    if (earlier.isPresent()) {
      // An eFaktura cannot be shown twice in the online bank: the one issued stands.
      distribution.delivered(letter, invoice, Channel.EFAKTURA, "eFaktura " + earlier.get().efakturaIdentifier(),
          attempt, "as eFaktura (already issued in consignment " + earlier.get().consignmentId()
              + "; not issued twice)");
      return new Outcome(null);
    }
    Customer customer = customers.get(invoice.customerNumber());
    String unfit = unfit(letter, invoice, customer);
    if (unfit != null) {
      return deviation(letter, invoice, unfit);
    }
    EFakturaRegister.Answer answer = register.check(customer);
    if (answer.status() != RecipientStatus.ACCEPTED) {
      return deviation(letter, invoice, "the eFaktura register: the recipient " + EFakturaRegister.describe(
          answer.status()));
    }
    String consignment = consignmentId(documentId);
    EFakturaClient.Answer sent = client.addInvoices(new EFakturaMessages.Issue("fordra-" + UUID.randomUUID(),
        consignment, invoice.invoiceNumber(), answer.efakturaIdentifier(), null, register.issuerId(),
        invoice.issueDate(), letter.payBy(), letter.amountDue(), invoice.currency().name(), invoice.paymentReference(),
        accountNumber(), customer.name(), letter.fileName(), letter.content()));
    String how = "as eFaktura, consignment " + consignment;
    if (sent.fault() != null) {
      if (!EFakturaMessages.DUPLICATE_CONSIGNMENT.equals(sent.fault().code())) {
        return deviation(letter, invoice, "the eFaktura service refused the invoice: "
            + EFakturaClient.describe(sent.fault()));
      }
      how += " (the service had it from an earlier attempt)";
    }
    repository.insertDelivery(documentId, invoice.id(), consignment, answer.efakturaIdentifier(),
        sent.fault() == null ? null : EFakturaClient.describe(sent.fault()), clock.now());
    distribution.delivered(letter, invoice, Channel.EFAKTURA, "eFaktura " + answer.efakturaIdentifier(), attempt, how);
    return new Outcome(null);
  }

  /** Why this letter cannot go by eFaktura at all, before the register is asked; null when it can. */
  private static String unfit(StoredDocument letter, Invoice invoice, Customer customer) {
    if (letter.kind() != DocumentKind.INVOICE || letter.isRendition()) {
      return "only invoices go by eFaktura, not a " + letter.kind().name().toLowerCase().replace('_', ' ');
    }
    if (customer.type() != CustomerType.PRIVATE || customer.country() != Country.NO) {
      return "eFaktura reaches Norwegian private persons only";
    }
    if (customer.organisationNumber() == null
        || !customer.organisationNumber().replaceAll("\\D", "").matches("\\d{11}")) {
      return "the customer has no fødselsnummer to address the eFaktura by";
    }
    if (invoice.currency() != Currency.NOK) {
      return "eFaktura is paid in NOK only, the invoice is in " + invoice.currency();
    }
    return null;
  }

  private Outcome deviation(StoredDocument letter, Invoice invoice, String reason) {
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DISTRIBUTION_DEVIATION, "eFaktura not sent: "
        + letter.fileName() + ": " + reason).via(Channel.EFAKTURA.name(), null));
    return new Outcome(reason);
  }

  private String accountNumber() {
    String digits = seller.bankAccount() == null ? "" : seller.bankAccount().replaceAll("\\D", "");
    if (!digits.matches("\\d{11}")) {
      throw new IllegalStateException("eFaktura needs the seller's Norwegian account number (11 digits) in "
          + "fordra.seller.bank-account, not '" + seller.bankAccount() + "'");
    }
    return digits;
  }
}
