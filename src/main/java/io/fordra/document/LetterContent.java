package io.fordra.document;

import io.fordra.invoice.Supply;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one letter shows, already decided: the renderer only lays it out and formats it, it computes no amount
 * beyond adding up the lines' net and VAT amounts per VAT rate.
 * Amounts are in {@link #currency}; {@code paidAmount}, {@code feesAmount} and {@code feeThisLetter} may be given as
 * null and then mean zero, {@code lines} may be null for a letter without a line table.
 *
 * <p>A credit note ({@link DocumentKind#CREDIT_NOTE}) shows the credited lines and their sums as net, VAT and total,
 * {@code openAmount} is what remains open on the credited invoice, {@code payBy} the credit date, and {@code credit}
 * gives its own number and the reason.
 *
 * <p>An invoice, reminder or collection notice states what was paid ({@code paidAmount}) and credited
 * ({@code creditedAmount}) before it left, so that its amount to pay ({@code openAmount}) can be followed.
 */
public record LetterContent(
    DocumentKind kind,
    String language,            // "sv", "nb" or "en"
    Party seller,
    Party buyer,
    String invoiceNumber,
    LocalDate issueDate,
    LocalDate dueDate,
    LocalDate documentDate,     // date printed on this letter (for an invoice = issue date)
    String currency,            // "SEK", "NOK", "EUR"
    List<Line> lines,
    BigDecimal netAmount, BigDecimal vatAmount, BigDecimal totalAmount,
    BigDecimal paidAmount,      // paid so far
    BigDecimal feesAmount,      // all fees charged so far including this letter's fee
    BigDecimal feeThisLetter,   // the fee added by this reminder/notice (zero for an invoice)
    BigDecimal openAmount,      // what the customer must pay now
    LocalDate payBy,            // for INVOICE = due date; for REMINDER/COLLECTION_NOTICE = new deadline
    String paymentReference,    // OCR (SE) or KID (NO); may be null
    int reminderNumber,         // 1, 2 … for REMINDER, 0 otherwise
    String note,                // optional free text printed under the totals (may be null)
    Credit credit,              // for CREDIT_NOTE: its number and reason; null otherwise
    BigDecimal creditedAmount,  // credit notes on the invoice so far (null = zero); not for a CREDIT_NOTE itself
    String customerNumber,      // the buyer's customer number; may be null
    Supply supply,              // date of supply or period, when the invoice has one; may be null
    SellerDetails sellerDetails, // IBAN, BIC, registration notes, board's seat; may be null
    Plan plan                   // for a payment plan's letter (DocumentKind.isPlanLetter): what it says; else null
) {

  /** A letter that is no payment plan's letter. */
  public LetterContent(DocumentKind kind, String language, Party seller, Party buyer, String invoiceNumber,
                       LocalDate issueDate, LocalDate dueDate, LocalDate documentDate, String currency, List<Line> lines,
                       BigDecimal netAmount, BigDecimal vatAmount, BigDecimal totalAmount, BigDecimal paidAmount,
                       BigDecimal feesAmount, BigDecimal feeThisLetter, BigDecimal openAmount, LocalDate payBy,
                       String paymentReference, int reminderNumber, String note, Credit credit,
                       BigDecimal creditedAmount, String customerNumber, Supply supply, SellerDetails sellerDetails) {
    this(kind, language, seller, buyer, invoiceNumber, issueDate, dueDate, documentDate, currency, lines, netAmount,
        vatAmount, totalAmount, paidAmount, feesAmount, feeThisLetter, openAmount, payBy, paymentReference,
        reminderNumber, note, credit, creditedAmount, customerNumber, supply, sellerDetails, null);
  }

  /** A letter that is not a credit note. */
  public LetterContent(DocumentKind kind, String language, Party seller, Party buyer, String invoiceNumber,
                       LocalDate issueDate, LocalDate dueDate, LocalDate documentDate, String currency, List<Line> lines,
                       BigDecimal netAmount, BigDecimal vatAmount, BigDecimal totalAmount, BigDecimal paidAmount,
                       BigDecimal feesAmount, BigDecimal feeThisLetter, BigDecimal openAmount, LocalDate payBy,
                       String paymentReference, int reminderNumber, String note) {
    this(kind, language, seller, buyer, invoiceNumber, issueDate, dueDate, documentDate, currency, lines, netAmount,
        vatAmount, totalAmount, paidAmount, feesAmount, feeThisLetter, openAmount, payBy, paymentReference,
        reminderNumber, note, null, null, null, null, null);
  }

  /** A letter without credits on the invoice, such as a credit note. */
  public LetterContent(DocumentKind kind, String language, Party seller, Party buyer, String invoiceNumber,
                       LocalDate issueDate, LocalDate dueDate, LocalDate documentDate, String currency, List<Line> lines,
                       BigDecimal netAmount, BigDecimal vatAmount, BigDecimal totalAmount, BigDecimal paidAmount,
                       BigDecimal feesAmount, BigDecimal feeThisLetter, BigDecimal openAmount, LocalDate payBy,
                       String paymentReference, int reminderNumber, String note, Credit credit) {
    this(kind, language, seller, buyer, invoiceNumber, issueDate, dueDate, documentDate, currency, lines, netAmount,
        vatAmount, totalAmount, paidAmount, feesAmount, feeThisLetter, openAmount, payBy, paymentReference,
        reminderNumber, note, credit, null, null, null, null);
  }

  /** A letter with what was credited on the invoice, without the buyer's and seller's extras. */
  public LetterContent(DocumentKind kind, String language, Party seller, Party buyer, String invoiceNumber,
                       LocalDate issueDate, LocalDate dueDate, LocalDate documentDate, String currency, List<Line> lines,
                       BigDecimal netAmount, BigDecimal vatAmount, BigDecimal totalAmount, BigDecimal paidAmount,
                       BigDecimal feesAmount, BigDecimal feeThisLetter, BigDecimal openAmount, LocalDate payBy,
                       String paymentReference, int reminderNumber, String note, Credit credit,
                       BigDecimal creditedAmount) {
    this(kind, language, seller, buyer, invoiceNumber, issueDate, dueDate, documentDate, currency, lines, netAmount,
        vatAmount, totalAmount, paidAmount, feesAmount, feeThisLetter, openAmount, payBy, paymentReference,
        reminderNumber, note, credit, creditedAmount, null, null, null);
  }

  /** The same letter with the customer number, date of supply or period, and the seller's extras. */
  public LetterContent with(String customerNumber, Supply supply, SellerDetails sellerDetails) {
    return new LetterContent(kind, language, seller, buyer, invoiceNumber, issueDate, dueDate, documentDate, currency,
        lines, netAmount, vatAmount, totalAmount, paidAmount, feesAmount, feeThisLetter, openAmount, payBy,
        paymentReference, reminderNumber, note, credit, creditedAmount, customerNumber, supply, sellerDetails, plan);
  }

  /** The same letter saying what a payment plan's letter says. */
  public LetterContent withPlan(Plan plan) {
    return new LetterContent(kind, language, seller, buyer, invoiceNumber, issueDate, dueDate, documentDate, currency,
        lines, netAmount, vatAmount, totalAmount, paidAmount, feesAmount, feeThisLetter, openAmount, payBy,
        paymentReference, reminderNumber, note, credit, creditedAmount, customerNumber, supply, sellerDetails, plan);
  }

  public LetterContent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(seller, "seller");
    Objects.requireNonNull(buyer, "buyer");
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(documentDate, "documentDate");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(netAmount, "netAmount");
    Objects.requireNonNull(vatAmount, "vatAmount");
    Objects.requireNonNull(totalAmount, "totalAmount");
    Objects.requireNonNull(openAmount, "openAmount");
    Objects.requireNonNull(payBy, "payBy");
    lines = lines == null ? List.of() : List.copyOf(lines);
    paidAmount = Objects.requireNonNullElse(paidAmount, BigDecimal.ZERO);
    feesAmount = Objects.requireNonNullElse(feesAmount, BigDecimal.ZERO);
    feeThisLetter = Objects.requireNonNullElse(feeThisLetter, BigDecimal.ZERO);
    creditedAmount = Objects.requireNonNullElse(creditedAmount, BigDecimal.ZERO);
  }

  /**
   * What a payment plan's letter says beyond the parties. The payment box of the letter (amount, pay-by date, OCR/KID
   * of {@link LetterContent}) is the payment it asks for now: the first instalment, the deferred invoice, or the late
   * instalment by its new date; a refusal and a broken plan ask for none there.
   *
   * @param planNumber "PP-" + id
   * @param deferral a deferral (one invoice, a new pay-by date) rather than instalments
   * @param invoices the covered invoices with what is open on each
   * @param debt what the covered invoices owed when the plan was requested
   * @param fee the plan's own fee (zero: no fee line)
   * @param total debt + fee: what the instalments add up to
   * @param paid paid towards the plan so far
   * @param interestRuns whether late-payment interest keeps running while the plan is kept
   * @param instalments the agreed instalments (empty for a refusal or deferral)
   * @param instalmentNumber the late instalment an instalment reminder is about; else null
   * @param reason the decision's reason (a refusal's is printed)
   */
  public record Plan(String planNumber, boolean deferral, List<CoveredInvoice> invoices, BigDecimal debt,
                     BigDecimal fee, BigDecimal total, BigDecimal paid, boolean interestRuns,
                     List<Instalment> instalments, Integer instalmentNumber, String reason) {

    public Plan {
      Objects.requireNonNull(planNumber, "planNumber");
      invoices = invoices == null ? List.of() : List.copyOf(invoices);
      instalments = instalments == null ? List.of() : List.copyOf(instalments);
      debt = Objects.requireNonNullElse(debt, BigDecimal.ZERO);
      fee = Objects.requireNonNullElse(fee, BigDecimal.ZERO);
      total = Objects.requireNonNullElse(total, debt.add(fee));
      paid = Objects.requireNonNullElse(paid, BigDecimal.ZERO);
    }

    /** What is left of the plan's total. */
    public BigDecimal rest() {
      return total.subtract(paid).max(BigDecimal.ZERO);
    }
  }

  /** An invoice a plan covers: its number, its own due date and what is open on it. */
  public record CoveredInvoice(String invoiceNumber, LocalDate dueDate, BigDecimal openAmount) {}

  /** One agreed instalment with its own OCR (SE) / KID (NO). */
  public record Instalment(int number, LocalDate dueDate, BigDecimal amount, String paymentReference) {}

  /** What a credit note says beyond the amounts: its own number (see {@link CreditNoteNumber}) and why. */
  public record Credit(String number, String reason) {

    public Credit {
      Objects.requireNonNull(number, "number");
    }
  }

  /**
   * What the seller's letters carry besides its address and accounts: IBAN and BIC, "Godkänd för F-skatt" (Sweden),
   * "Foretaksregisteret" (Norway), and the town of the board's seat; all optional.
   */
  public record SellerDetails(String iban, String bic, boolean fTaxApproved, boolean inBusinessRegister,
                              String boardSeat) {}

  /**
   * Seller or buyer. {@code country} is an ISO 3166 alpha-2 code ("SE", "NO"). Only {@code name} is required; for the
   * buyer, vatNumber/bankgiro/bankAccount/phone are usually null, the seller has a bankgiro or a bank account or both.
   */
  public record Party(String name, String organisationNumber, String vatNumber, String street, String postalCode,
                      String city, String country, String email, String phone, String bankgiro,
                      String bankAccount) {

    public Party {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * One invoice line; {@code vatRate} is in percent (25 for 25 %), {@code vatAmount} is the line's VAT as the invoice
   * states it. The letter prints the VAT per rate as the sum of these, so the lines' VAT should add up to the
   * letter's {@link LetterContent#vatAmount}.
   */
  public record Line(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate,
                     BigDecimal netAmount, BigDecimal vatAmount, String articleNumber, String orderReference) {

    public Line {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(quantity, "quantity");
      Objects.requireNonNull(unitPrice, "unitPrice");
      Objects.requireNonNull(vatRate, "vatRate");
      Objects.requireNonNull(netAmount, "netAmount");
      Objects.requireNonNull(vatAmount, "vatAmount");
    }
  }
}
