package io.fordra.distribution.einvoice;

import io.fordra.invoice.Supply;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a PEPPOL BIS Billing 3.0 (EHF 3 in Norway) invoice or credit note needs, in Fordra's terms.
 *
 * <p>Amounts are {@link BigDecimal}s; the writer computes line totals, tax subtotals and the monetary totals
 * itself (rounded half-up to two decimals), so callers only supply quantities, unit prices and VAT. Where the lines
 * carry the VAT the invoice states, the VAT breakdown uses it instead (see {@link Line#vatAmount}).
 *
 * @param number           document number (BT-1)
 * @param issueDate        issue date (BT-2)
 * @param dueDate          payment due date (BT-9); optional for credit notes
 * @param currency         ISO 4217 document currency (BT-5), e.g. SEK, NOK, EUR
 * @param buyerReference   buyer reference (BT-10), e.g. the buyer's reference person or cost centre; optional
 * @param orderReference   purchase order reference (BT-13); optional, but PEPPOL requires this or buyerReference
 * @param seller           the seller (BG-4)
 * @param buyer            the buyer (BG-7)
 * @param payment          payment instructions (BG-16); optional
 * @param paymentTerms     free-text payment terms (BT-20); optional
 * @param lines            invoice / credit note lines (BG-25), at least one
 * @param billingReference for a credit note: the invoice it credits (BG-3); optional for invoices
 * @param note             free-text note (BT-22); optional
 */
public record UblData(
    String number,
    LocalDate issueDate,
    LocalDate dueDate,
    String currency,
    String buyerReference,
    String orderReference,
    Party seller,
    Party buyer,
    Payment payment,
    String paymentTerms,
    List<Line> lines,
    BillingReference billingReference,
    String note,
    BigDecimal prepaid,
    Supply supply) {

  /** A document with nothing paid before it was issued. */
  public UblData(String number, LocalDate issueDate, LocalDate dueDate, String currency, String buyerReference,
                 String orderReference, Party seller, Party buyer, Payment payment, String paymentTerms,
                 List<Line> lines, BillingReference billingReference, String note) {
    this(number, issueDate, dueDate, currency, buyerReference, orderReference, seller, buyer, payment, paymentTerms,
        lines, billingReference, note, null, null);
  }

  /** The same document, stating when its goods or services were supplied (BT-72 or BG-14); null for none. */
  public UblData withSupply(Supply supply) {
    return new UblData(number, issueDate, dueDate, currency, buyerReference, orderReference, seller, buyer, payment,
        paymentTerms, lines, billingReference, note, prepaid, supply);
  }

  public UblData {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(seller, "seller");
    Objects.requireNonNull(buyer, "buyer");
    Objects.requireNonNull(lines, "lines");
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("at least one line is required");
    }
    if (isBlank(buyerReference) && isBlank(orderReference)) {
      throw new IllegalArgumentException("PEPPOL requires a buyer reference (BT-10) or an order reference (BT-13)");
    }
    lines = List.copyOf(lines);
    // BT-113, paid before the document left: payments only (a credit goes as its own credit note).
    prepaid = prepaid == null ? BigDecimal.ZERO.setScale(2) : prepaid.setScale(2, RoundingMode.HALF_UP);
    if (prepaid.signum() < 0) {
      throw new IllegalArgumentException("the amount paid before the document left cannot be negative");
    }
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * A trading party.
   *
   * @param name              legal (registration) name (BT-27 / BT-44), also used as party name
   * @param orgNo             legal registration identifier (BT-30 / BT-47), e.g. SE "5560360793", NO "974760673"
   * @param orgNoScheme       ICD scheme of the org. no., e.g. "0007" (SE) or "0192" (NO); optional
   * @param vatNo             VAT identifier (BT-31 / BT-48) with country prefix, e.g. "SE556036079301",
   *                          "NO974760673MVA"; required for the seller when standard-rated lines exist, optional
   *                          for the buyer
   * @param taxRegistration   seller tax registration text (BT-32), e.g. "Foretaksregisteret" (NO, NO-R-002) or
   *                          "Godkänd för F-skatt" (SE, SE-R-005); optional, ignored for the buyer
   * @param address           postal address
   * @param endpointScheme    electronic address scheme (BT-34 / BT-49), e.g. "0007", "0192", "0088"
   * @param endpointId        electronic address (BT-34 / BT-49)
   */
  public record Party(
      String name,
      String orgNo,
      String orgNoScheme,
      String vatNo,
      String taxRegistration,
      Address address,
      String endpointScheme,
      String endpointId) {
    public Party {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(endpointScheme, "endpointScheme");
      Objects.requireNonNull(endpointId, "endpointId");
    }
  }

  /**
   * Postal address; {@code countryCode} is ISO 3166-1 alpha-2 (e.g. SE, NO).
   */
  public record Address(String street, String city, String postalCode, String countryCode) {
    public Address {
      Objects.requireNonNull(countryCode, "countryCode");
    }
  }

  /**
   * Payment instructions.
   *
   * @param meansCode   UNCL 4461 code (BT-81), normally "30" (credit transfer) or "58" (SEPA credit transfer)
   * @param paymentId   remittance information (BT-83): OCR (SE) / KID (NO); optional
   * @param account     payee account (BT-84): IBAN, bank account, bankgiro or plusgiro number
   * @param accountName account name (BT-85); optional
   * @param branchId    payment service provider (BT-86): BIC, or "SE:BANKGIRO" / "SE:PLUSGIRO"; optional
   */
  public record Payment(String meansCode, String paymentId, String account, String accountName, String branchId) {
    public Payment {
      Objects.requireNonNull(meansCode, "meansCode");
    }

    /** Credit transfer (code 30) to an account with the given OCR / KID. */
    public static Payment creditTransfer(String account, String paymentId) {
      return new Payment("30", paymentId, account, null, null);
    }
  }

  /**
   * A line.
   *
   * @param id              line id (BT-126)
   * @param description     item name (BT-153)
   * @param quantity        invoiced quantity (BT-129), positive
   * @param unitCode        UN/ECE Rec 20 unit (BT-130), e.g. "EA" (each), "HUR" (hour), "C62" (one)
   * @param unitPrice       net unit price (BT-146)
   * @param vatCategory     UNCL 5305 VAT category (BT-151): "S" standard, "Z" zero rated, "E" exempt, "AE"
   *                        reverse charge
   * @param vatRate         VAT rate in percent (BT-152), e.g. 25, 12, 0
   * @param exemptionReason VAT exemption reason text (BT-120), required by the rules for E and AE, forbidden for
   *                        S and Z; optional
   * @param vatAmount       the line's VAT as the invoice (or credit note) states it; optional. When every line of a
   *                        VAT category and rate has one, their sum is that rate's VAT (BT-117), so the e-invoice's
   *                        totals are the PDF's to the öre; EN 16931 accepts it within ±1 of taxable × rate
   *                        (BR-CO-17, BR-S-09). Otherwise the writer computes taxable × rate.
   */
  public record Line(
      String id,
      String description,
      BigDecimal quantity,
      String unitCode,
      BigDecimal unitPrice,
      String vatCategory,
      BigDecimal vatRate,
      String exemptionReason,
      BigDecimal vatAmount) {
    public Line {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(quantity, "quantity");
      Objects.requireNonNull(unitCode, "unitCode");
      Objects.requireNonNull(unitPrice, "unitPrice");
      Objects.requireNonNull(vatCategory, "vatCategory");
      Objects.requireNonNull(vatRate, "vatRate");
    }

    /** A line whose VAT the writer computes per rate. */
    public Line(String id, String description, BigDecimal quantity, String unitCode, BigDecimal unitPrice,
        String vatCategory, BigDecimal vatRate, String exemptionReason) {
      this(id, description, quantity, unitCode, unitPrice, vatCategory, vatRate, exemptionReason, null);
    }

    /** Standard-rated (S) line, or zero-rated (Z) when the rate is 0. */
    public static Line of(String id, String description, BigDecimal quantity, String unitCode,
        BigDecimal unitPrice, BigDecimal vatRate) {
      return of(id, description, quantity, unitCode, unitPrice, vatRate, null);
    }

    /** As {@link #of(String, String, BigDecimal, String, BigDecimal, BigDecimal)}, with the line's stated VAT. */
    public static Line of(String id, String description, BigDecimal quantity, String unitCode,
        BigDecimal unitPrice, BigDecimal vatRate, BigDecimal vatAmount) {
      String category = vatRate.signum() == 0 ? "Z" : "S";
      return new Line(id, description, quantity, unitCode, unitPrice, category, vatRate, null, vatAmount);
    }

    /** Net amount (BT-131): quantity × unit price, rounded half-up to 2 decimals. */
    public BigDecimal netAmount() {
      return UblWriter.money(quantity.multiply(unitPrice));
    }
  }

  /** Preceding invoice reference (BT-25, BT-26) for a credit note. */
  public record BillingReference(String invoiceNumber, LocalDate invoiceIssueDate) {
    public BillingReference {
      Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    }
  }
}
