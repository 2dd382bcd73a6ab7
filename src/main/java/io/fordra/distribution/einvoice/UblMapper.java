package io.fordra.distribution.einvoice;

import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerType;
import io.fordra.document.CreditNoteNumber;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.LetterContent;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.CreditNote;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceLine;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceVat;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * What an invoice or credit note letter says, as {@link UblData} for PEPPOL BIS Billing 3.0: the same lines and
 * amounts as the PDF (a credit note's from {@code DocumentService.creditNoteLines}), the seller from fordra.seller.*,
 * the buyer and its PEPPOL endpoint from the customer register.
 */
@Component
class UblMapper {

  /** UN/ECE Rec 20 "each": Fordra's lines carry no unit of their own. */
  static final String UNIT = "EA";
  static final String SCHEME_SE = "0007";
  static final String SCHEME_NO = "0192";

  private final InvoiceService invoices;
  private final DocumentService documents;
  private final SellerProperties seller;

  public UblMapper(InvoiceService invoices, DocumentService documents, SellerProperties seller) {
    this.invoices = invoices;
    this.documents = documents;
    this.seller = seller;
  }

  /**
   * The e-invoice of a letter of kind INVOICE or CREDIT_NOTE.
   *
   * @param buyerReference the buyer's reference (BT-10), e.g. a reference person; null or blank = the first line's
   *     order reference, else the customer number
   */
  public UblData map(StoredDocument letter, Invoice invoice, Customer customer, String buyerReference) {
    List<InvoiceLine> invoiceLines = invoices.lines(invoice);
    String orderReference = invoiceLines.stream().map(InvoiceLine::orderReference)
        .filter(r -> r != null && !r.isBlank()).findFirst().orElse(null);
    String reference = buyerReference != null && !buyerReference.isBlank() ? buyerReference.strip()
        : orderReference != null ? orderReference : customer.customerNumber();
    String currency = invoice.currency().name();
    UblData.Payment payment = payment(invoice);
    InvoiceVat vat = taxation(invoices, invoice);
    // Reverse charge (AE) and export (G) lines carry 0 % and the statutory text as the exemption reason (BR-AE-10,
    // BR-G-10), the same text as the PDF.
    String exemption = vat.treatment().zeroRated()
        ? documents.vatNote(customer.language(), vat.treatment()) : null;
    return switch (letter.kind()) {
      case INVOICE -> checked(new UblData(invoice.invoiceNumber(), invoice.issueDate(), invoice.dueDate(), currency,
          reference, orderReference, sellerParty(vat), buyerParty(customer, vat), payment, null,
          invoiceLines.stream().map(l -> line(vat, exemption, String.valueOf(l.lineNumber()), l.description(),
              l.quantity(), l.unitPrice(), l.vatRate(), l.vatAmount())).toList(),
          null, null, paidBefore(invoice), invoices.supply(invoice).orElse(null)),
          invoice.totalAmount().subtract(paidBefore(invoice)));
      case CREDIT_NOTE -> {
        CreditNote credit = creditNoteOf(letter, invoice);
        if (credit.amount().compareTo(invoice.totalAmount()) > 0) {
          // Fees are outside the scope of VAT (category O), which EN 16931 does not allow beside standard-rated lines.
          throw new IllegalStateException("Credit note " + documentNumber(letter, invoice) + " also credits fees, "
              + "which a PEPPOL credit note cannot carry beside VAT-rated lines: send it by another channel");
        }
        List<LetterContent.Line> lines = documents.creditNoteLines(invoice, credit);
        yield checked(new UblData(documentNumber(letter, invoice), documents.creditDate(credit), null, currency,
            reference, orderReference, sellerParty(vat), buyerParty(customer, vat), payment, null,
            IntStream.range(0, lines.size()).mapToObj(i -> line(vat, exemption, String.valueOf(i + 1),
                lines.get(i).description(), lines.get(i).quantity(), lines.get(i).unitPrice(),
                lines.get(i).vatRate(), lines.get(i).vatAmount())).toList(),
            new UblData.BillingReference(invoice.invoiceNumber(), invoice.issueDate()), credit.reason()),
            credit.amount());
      }
      default -> throw new IllegalArgumentException("Only invoices and credit notes go as e-invoices, not "
          + letter.kind() + " " + letter.fileName());
    };
  }

  /** A line at the seller's rates (S, or Z at 0 %), or under reverse charge (AE) or export (G) with its reason. */
  private static UblData.Line line(InvoiceVat vat, String exemption, String id, String description,
                                   BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate, BigDecimal vatAmount) {
    if (!vat.treatment().zeroRated()) {
      return UblData.Line.of(id, description, quantity, UNIT, unitPrice, vatRate, vatAmount);
    }
    return new UblData.Line(id, description, quantity, UNIT, unitPrice, vat.treatment().category(), vatRate,
        exemption, vatAmount);
  }

  /** The e-invoice's own number (BT-1): the invoice number, or the credit note's number. */
  public String documentNumber(StoredDocument letter, Invoice invoice) {
    return letter.kind() == DocumentKind.CREDIT_NOTE
        ? CreditNoteNumber.of(invoice.invoiceNumber(), letter.sequenceNumber()) : invoice.invoiceNumber();
  }

  /** The seller's organisation number, digits only: its PEPPOL endpoint id and legal registration id. */
  public String sellerOrganisationNumber() {
    return digits(seller.organisationNumber());
  }

  private CreditNote creditNoteOf(StoredDocument letter, Invoice invoice) {
    List<CreditNote> credits = invoices.creditNotes(invoice);
    int ordinal = letter.sequenceNumber();
    if (ordinal < 1 || ordinal > credits.size()) {
      throw new IllegalStateException(letter.fileName() + " has no credit note " + ordinal + " on invoice "
          + invoice.invoiceNumber());
    }
    return credits.get(ordinal - 1);
  }

  /**
   * What was paid before the invoice left (an e-invoice leaves after the undo window): the e-invoice states it and
   * asks for the rest. A credit in that time is not deducted here: it reaches the buyer as its own credit note.
   */
  private static BigDecimal paidBefore(Invoice invoice) {
    BigDecimal paid = invoice.paidAmount() == null ? BigDecimal.ZERO : invoice.paidAmount();
    return paid.max(BigDecimal.ZERO).min(invoice.totalAmount());
  }

  /** The e-invoice must ask for what the Fordra document asks for, to the öre. */
  private static UblData checked(UblData data, BigDecimal expected) {
    BigDecimal payable = UblWriter.totals(data).payable();
    if (payable.compareTo(expected) != 0) {
      throw new IllegalStateException("E-invoice " + data.number() + " would state " + payable.toPlainString()
          + " " + data.currency() + " where the document states " + expected.toPlainString());
    }
    return data;
  }

  /** The seller, with the VAT number the invoice recorded where it was taxed other than at the seller's rates. */
  private UblData.Party sellerParty(InvoiceVat vat) {
    UblData.Party party = sellerParty();
    return vat.sellerVatNumber() == null ? party : new UblData.Party(party.name(), party.orgNo(),
        party.orgNoScheme(), vat.sellerVatNumber(), party.taxRegistration(), party.address(), party.endpointScheme(),
        party.endpointId());
  }

  private UblData.Party sellerParty() {
    boolean norwegian = seller.country() == Country.NO;
    String orgNo = sellerOrganisationNumber();
    String scheme = norwegian ? SCHEME_NO : SCHEME_SE;
    // NO-R-001: "NO" + org. no. + "MVA"; NO-R-002 and SE-R-005 want the registration text of each country.
    String vatNo = norwegian ? "NO" + orgNo + "MVA" : sellerSwedishVatNumber(orgNo);
    String taxRegistration = norwegian ? "Foretaksregisteret" : "Godkänd för F-skatt";
    return new UblData.Party(seller.name(), orgNo, scheme, vatNo, taxRegistration,
        new UblData.Address(seller.street(), seller.city(), seller.postalCode(), seller.country().name()),
        scheme, orgNo);
  }

  private String sellerSwedishVatNumber(String orgNo) {
    String configured = seller.vatNumber() == null ? "" : seller.vatNumber().replaceAll("\\s", "");
    return configured.isEmpty() ? "SE" + orgNo + "01" : configured;
  }

  private static UblData.Party buyerParty(Customer c, InvoiceVat vat) {
    Customer.ElectronicAddress endpoint = c.electronicAddress();
    // A business's org. no. is its legal registration id; a private person's number is not published.
    boolean business = c.type() == CustomerType.BUSINESS && c.organisationNumber() != null;
    // Abroad the registration number has no ICD scheme Fordra knows (the rules check 0007 and 0192 numbers as Swedish
    // and Norwegian ones): it goes as it was given, without a scheme.
    boolean home = c.country().hasOwnRules();
    String orgNo = !business ? null : home ? digits(c.organisationNumber()) : c.organisationNumber().strip();
    String orgNoScheme = business && home ? (c.country() == Country.NO ? SCHEME_NO : SCHEME_SE) : null;
    // BT-48: reverse charge needs the buyer's VAT number (BR-AE-02); an EU business shows its own otherwise too.
    String buyerVat = vat.buyerVatNumber() != null ? vat.buyerVatNumber() : c.vatNumber();
    return new UblData.Party(c.name(), orgNo, orgNoScheme, buyerVat, null,
        new UblData.Address(c.address().street(), c.address().city(), c.address().postalCode(),
            c.address().country()),
        endpoint.scheme(), endpoint.id());
  }

  /**
   * Credit transfer (code 30) with the OCR / KID: to the bankgiro in Sweden where there is one, else the domestic
   * account, else the IBAN (with the BIC as the branch).
   */
  private UblData.Payment payment(Invoice invoice) {
    if (seller.country() == Country.SE && !isBlank(seller.bankgiro())) {
      return new UblData.Payment("30", invoice.paymentReference(), digits(seller.bankgiro()), null, "SE:BANKGIRO");
    }
    if (isBlank(seller.bankAccount()) && !isBlank(seller.iban())) {
      return new UblData.Payment("30", invoice.paymentReference(), seller.iban().replaceAll("\\s", ""), null,
          isBlank(seller.bic()) ? null : seller.bic().strip());
    }
    if (isBlank(seller.bankAccount())) {
      throw new IllegalStateException("fordra.seller has neither bankgiro, bank-account nor iban to be paid to");
    }
    String account = seller.bankAccount().replaceAll("[\\s.]", "");
    return new UblData.Payment("30", invoice.paymentReference(), account, null, null);
  }

  static String digits(String s) {
    return s == null ? null : s.replaceAll("\\D", "");
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** How the invoice was taxed; the seller's rates where nothing says otherwise. */
  private static InvoiceVat taxation(InvoiceService invoices, Invoice invoice) {
    InvoiceVat vat = invoices.vat(invoice);
    return vat == null ? InvoiceVat.DOMESTIC : vat;
  }
}
