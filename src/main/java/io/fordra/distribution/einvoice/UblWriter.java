package io.fordra.distribution.einvoice;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes PEPPOL BIS Billing 3.0 (EHF 3) UBL 2.1 Invoices and CreditNotes from {@link UblData} with the JDK's StAX
 * writer. Line amounts, VAT breakdown per category and rate, and the document totals are computed here with
 * {@link BigDecimal}, rounded half-up to two decimals, in the way the EN 16931 rules (BR-CO-10, BR-CO-14,
 * BR-CO-15, BR-S-09 ...) recompute them; a rate's VAT is the lines' stated VAT where they all state it.
 */
class UblWriter {

  public static final String CUSTOMIZATION_ID =
      "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
  public static final String PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

  static final String NS_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
  static final String NS_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
  static final String NS_CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
  static final String NS_CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

  /** UNCL 1001: commercial invoice. */
  static final String INVOICE_TYPE_CODE = "380";
  /** UNCL 1001: credit note. */
  static final String CREDIT_NOTE_TYPE_CODE = "381";

  /** A UBL Invoice (PEPPOL BIS Billing 3.0, T10). */
  public byte[] invoice(UblData data) {
    return write(data, false);
  }

  /** A UBL CreditNote (PEPPOL BIS Billing 3.0, T14); quantities and amounts are positive. */
  public byte[] creditNote(UblData data) {
    return write(data, true);
  }

  /** Rounds an amount half-up to two decimals. */
  public static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  /** One VAT breakdown (BG-23) entry. */
  public record TaxSubtotal(String category, BigDecimal rate, BigDecimal taxableAmount, BigDecimal taxAmount,
      String exemptionReason) {
  }

  /** Document totals (BG-22) with the VAT breakdown. */
  public record Totals(BigDecimal lineExtension, BigDecimal taxExclusive, BigDecimal tax, BigDecimal taxInclusive,
      BigDecimal prepaid, BigDecimal payable, List<TaxSubtotal> subtotals) {
  }

  /** Computes line sums, VAT per category and rate, and the monetary totals. */
  public static Totals totals(UblData data) {
    Map<String, List<UblData.Line>> groups = new LinkedHashMap<>();
    for (UblData.Line line : data.lines()) {
      String key = line.vatCategory() + "|" + line.vatRate().stripTrailingZeros().toPlainString();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
    }
    List<TaxSubtotal> subtotals = new ArrayList<>();
    BigDecimal lineExtension = BigDecimal.ZERO.setScale(2);
    BigDecimal tax = BigDecimal.ZERO.setScale(2);
    for (List<UblData.Line> group : groups.values()) {
      UblData.Line first = group.get(0);
      BigDecimal taxable = group.stream().map(UblData.Line::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
      taxable = money(taxable);
      // The VAT the invoice states (its lines' VAT, each rounded) may differ by öre from taxable × rate; the
      // e-invoice must say what the PDF says, and the rules allow ±1 (BR-CO-17, BR-S-09).
      boolean stated = group.stream().allMatch(l -> l.vatAmount() != null);
      BigDecimal taxAmount = stated
          ? money(group.stream().map(UblData.Line::vatAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
          : money(taxable.multiply(first.vatRate()).movePointLeft(2));
      String reason = group.stream().map(UblData.Line::exemptionReason).filter(r -> !UblData.isBlank(r))
          .findFirst().orElse(null);
      subtotals.add(new TaxSubtotal(first.vatCategory(), first.vatRate(), taxable, taxAmount, reason));
      lineExtension = lineExtension.add(taxable);
      tax = tax.add(taxAmount);
    }
    BigDecimal taxInclusive = lineExtension.add(tax);
    // BR-CO-16: amount due = total with VAT - paid amount.
    return new Totals(lineExtension, lineExtension, tax, taxInclusive, data.prepaid(),
        taxInclusive.subtract(data.prepaid()), List.copyOf(subtotals));
  }

  private byte[] write(UblData data, boolean creditNote) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      new Doc(w, data, creditNote).write();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write UBL " + (creditNote ? "credit note " : "invoice ")
          + data.number(), e);
    }
    return out.toByteArray();
  }

  /** One document being written. */
  private static final class Doc {
    private final XMLStreamWriter w;
    private final UblData d;
    private final boolean cn;
    private final String currency;

    Doc(XMLStreamWriter w, UblData d, boolean creditNote) {
      this.w = w;
      this.d = d;
      this.cn = creditNote;
      this.currency = d.currency();
    }

    void write() throws XMLStreamException {
      Totals totals = totals(d);
      String root = cn ? "CreditNote" : "Invoice";
      String rootNs = cn ? NS_CREDIT_NOTE : NS_INVOICE;
      w.writeStartDocument("UTF-8", "1.0");
      w.setDefaultNamespace(rootNs);
      w.setPrefix("cac", NS_CAC);
      w.setPrefix("cbc", NS_CBC);
      w.writeStartElement(rootNs, root);
      w.writeDefaultNamespace(rootNs);
      w.writeNamespace("cac", NS_CAC);
      w.writeNamespace("cbc", NS_CBC);

      cbc("CustomizationID", CUSTOMIZATION_ID);
      cbc("ProfileID", PROFILE_ID);
      cbc("ID", d.number());
      cbc("IssueDate", d.issueDate());
      if (cn) {
        cbc("CreditNoteTypeCode", CREDIT_NOTE_TYPE_CODE);
      } else {
        cbc("DueDate", d.dueDate());
        cbc("InvoiceTypeCode", INVOICE_TYPE_CODE);
      }
      cbc("Note", d.note());
      cbc("DocumentCurrencyCode", currency);
      cbc("BuyerReference", d.buyerReference());
      if (d.supply() != null && d.supply().date() == null) {
        cac("InvoicePeriod");
        cbc("StartDate", d.supply().from());
        cbc("EndDate", d.supply().to());
        end();
      }
      if (!UblData.isBlank(d.orderReference())) {
        cac("OrderReference");
        cbc("ID", d.orderReference());
        end();
      }
      if (d.billingReference() != null) {
        cac("BillingReference");
        cac("InvoiceDocumentReference");
        cbc("ID", d.billingReference().invoiceNumber());
        cbc("IssueDate", d.billingReference().invoiceIssueDate());
        end();
        end();
      }
      cac("AccountingSupplierParty");
      party(d.seller(), true);
      end();
      cac("AccountingCustomerParty");
      party(d.buyer(), false);
      end();
      if (d.supply() != null && d.supply().date() != null) {
        cac("Delivery");
        cbc("ActualDeliveryDate", d.supply().date());
        end();
      }
      paymentMeans();
      if (!UblData.isBlank(d.paymentTerms())) {
        cac("PaymentTerms");
        cbc("Note", d.paymentTerms());
        end();
      }
      taxTotal(totals);
      monetaryTotal(totals);
      for (UblData.Line line : d.lines()) {
        line(line);
      }
      w.writeEndElement();
      w.writeEndDocument();
    }

    private void party(UblData.Party p, boolean seller) throws XMLStreamException {
      cac("Party");
      w.writeStartElement(NS_CBC, "EndpointID");
      w.writeAttribute("schemeID", p.endpointScheme());
      w.writeCharacters(p.endpointId());
      w.writeEndElement();
      cac("PartyName");
      cbc("Name", p.name());
      end();
      cac("PostalAddress");
      cbc("StreetName", p.address().street());
      cbc("CityName", p.address().city());
      cbc("PostalZone", p.address().postalCode());
      cac("Country");
      cbc("IdentificationCode", p.address().countryCode());
      end();
      end();
      if (!UblData.isBlank(p.vatNo())) {
        partyTaxScheme(p.vatNo(), "VAT");
      }
      if (seller && !UblData.isBlank(p.taxRegistration())) {
        partyTaxScheme(p.taxRegistration(), "TAX");
      }
      cac("PartyLegalEntity");
      cbc("RegistrationName", p.name());
      if (!UblData.isBlank(p.orgNo())) {
        w.writeStartElement(NS_CBC, "CompanyID");
        if (!UblData.isBlank(p.orgNoScheme())) {
          w.writeAttribute("schemeID", p.orgNoScheme());
        }
        w.writeCharacters(p.orgNo());
        w.writeEndElement();
      }
      end();
      end();
    }

    private void partyTaxScheme(String companyId, String scheme) throws XMLStreamException {
      cac("PartyTaxScheme");
      cbc("CompanyID", companyId);
      cac("TaxScheme");
      cbc("ID", scheme);
      end();
      end();
    }

    private void paymentMeans() throws XMLStreamException {
      UblData.Payment p = d.payment();
      if (p == null) {
        if (cn && d.dueDate() != null) {
          throw new IllegalArgumentException("a credit note's due date is carried by its payment means");
        }
        return;
      }
      cac("PaymentMeans");
      cbc("PaymentMeansCode", p.meansCode());
      if (cn) {
        // UBL 2.1 CreditNote has no cbc:DueDate; BT-9 goes here.
        cbc("PaymentDueDate", d.dueDate());
      }
      cbc("PaymentID", p.paymentId());
      if (!UblData.isBlank(p.account())) {
        cac("PayeeFinancialAccount");
        cbc("ID", p.account());
        cbc("Name", p.accountName());
        if (!UblData.isBlank(p.branchId())) {
          cac("FinancialInstitutionBranch");
          cbc("ID", p.branchId());
          end();
        }
        end();
      }
      end();
    }

    private void taxTotal(Totals totals) throws XMLStreamException {
      cac("TaxTotal");
      amount("TaxAmount", totals.tax());
      for (TaxSubtotal s : totals.subtotals()) {
        cac("TaxSubtotal");
        amount("TaxableAmount", s.taxableAmount());
        amount("TaxAmount", s.taxAmount());
        cac("TaxCategory");
        cbc("ID", s.category());
        cbc("Percent", percent(s.rate()));
        cbc("TaxExemptionReason", s.exemptionReason());
        vatScheme();
        end();
        end();
      }
      end();
    }

    private void monetaryTotal(Totals t) throws XMLStreamException {
      cac("LegalMonetaryTotal");
      amount("LineExtensionAmount", t.lineExtension());
      amount("TaxExclusiveAmount", t.taxExclusive());
      amount("TaxInclusiveAmount", t.taxInclusive());
      if (t.prepaid().signum() > 0) {
        amount("PrepaidAmount", t.prepaid());
      }
      amount("PayableAmount", t.payable());
      end();
    }

    private void line(UblData.Line l) throws XMLStreamException {
      cac(cn ? "CreditNoteLine" : "InvoiceLine");
      cbc("ID", l.id());
      w.writeStartElement(NS_CBC, cn ? "CreditedQuantity" : "InvoicedQuantity");
      w.writeAttribute("unitCode", l.unitCode());
      w.writeCharacters(l.quantity().toPlainString());
      w.writeEndElement();
      amount("LineExtensionAmount", l.netAmount());
      cac("Item");
      cbc("Name", l.description());
      cac("ClassifiedTaxCategory");
      cbc("ID", l.vatCategory());
      cbc("Percent", percent(l.vatRate()));
      vatScheme();
      end();
      end();
      cac("Price");
      amount("PriceAmount", l.unitPrice());
      end();
      end();
    }

    private void vatScheme() throws XMLStreamException {
      cac("TaxScheme");
      cbc("ID", "VAT");
      end();
    }

    private void amount(String name, BigDecimal value) throws XMLStreamException {
      w.writeStartElement(NS_CBC, name);
      w.writeAttribute("currencyID", currency);
      w.writeCharacters(value.toPlainString());
      w.writeEndElement();
    }

    private static String percent(BigDecimal rate) {
      BigDecimal r = rate.stripTrailingZeros();
      return (r.scale() < 0 ? r.setScale(0) : r).toPlainString();
    }

    private void cac(String name) throws XMLStreamException {
      w.writeStartElement(NS_CAC, name);
    }

    private void cbc(String name, Object value) throws XMLStreamException {
      if (value == null || value.toString().isBlank()) {
        return;
      }
      w.writeStartElement(NS_CBC, name);
      w.writeCharacters(value instanceof LocalDate date ? date.toString() : value.toString());
      w.writeEndElement();
    }

    private void end() throws XMLStreamException {
      w.writeEndElement();
    }
  }
}
