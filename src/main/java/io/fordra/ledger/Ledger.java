package io.fordra.ledger;

import io.fordra.article.ChartOfAccounts;
import io.fordra.invoice.Bookkeeping;
import io.fordra.invoice.CreditNoteLines;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceLine;
import io.fordra.ledger.LedgerAccounts.Role;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receivables ledger: each business event that changes what a customer owes, or what came in from the bank,
 * becomes one balanced entry. Called inside the transaction that changes the invoice or payment, so the ledger and
 * the invoices never disagree: per invoice, the receivables balance is the invoice's open amount.
 */
@Service
public class Ledger implements Bookkeeping, ChartOfAccounts {

  private final LedgerRepository entries;
  private final LedgerAccounts accounts;
  private final FordraClock clock;
  private final ResourceBundle texts;
  private final ClosedPeriods closedPeriods;
  private final RevenueReleaseRepository releases;

  public Ledger(LedgerRepository entries, LedgerAccounts accounts, FordraClock clock, SellerProperties seller,
                ClosedPeriods closedPeriods, RevenueReleaseRepository releases) {
    this.closedPeriods = closedPeriods;
    this.releases = releases;
    this.texts = ResourceBundle.getBundle("ledger.entries", Locale.forLanguageTag(seller.country().language()),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.entries = entries;
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * An invoice: the receivable (total) against each line's revenue account and the output VAT per rate. A line whose
   * service period runs past the month the invoice is booked in goes on the deferred-revenue account instead, with
   * its release plan (see {@link RevenueSchedule}); the month-end closes release it month by month.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  @Override
  public LocalDate invoiceIssued(Invoice invoice, List<InvoiceLine> lines) {
    List<LedgerLine> posting = new ArrayList<>();
    posting.add(receivable(invoice, invoice.totalAmount()));
    LocalDate bookingDate = closedPeriods.firstOpenDay(invoice.issueDate());
    String deferredAccount = accounts.account(Role.DEFERRED_REVENUE);
    List<InvoiceLine> periodised = new ArrayList<>();
    BigDecimal deferred = BigDecimal.ZERO;
    Map<String, BigDecimal> revenue = new LinkedHashMap<>();
    Map<String, BigDecimal> vat = new LinkedHashMap<>();
    for (InvoiceLine line : lines) {
      if (line.hasServicePeriod() && RevenueSchedule.extendsPast(line.serviceTo(), bookingDate)) {
        periodised.add(line);
        deferred = deferred.add(line.netAmount());
      } else {
        revenue.merge(line.revenueAccount(), line.netAmount(), BigDecimal::add);
      }
      if (line.vatAmount().signum() != 0) {
        vat.merge(vatAccount(line.vatRate()), line.vatAmount(), BigDecimal::add);
      }
    }
    revenue.forEach((account, amount) -> posting.add(LedgerLine.credit(account, amount)));
    if (deferred.signum() != 0) {
      posting.add(deferredLine(deferredAccount, deferred.negate(), invoice));
    }
    vat.forEach((account, amount) -> posting.add(LedgerLine.credit(account, amount)));
    LocalDate booked = post(EntryKind.INVOICE, invoice.issueDate(), text(EntryKind.INVOICE, invoice.invoiceNumber(), invoice.customerNumber()), invoice, null, posting);
    for (InvoiceLine line : periodised) {
      releases.plan(invoice.id(), line.lineNumber(), invoice.currency().name(), line.revenueAccount(), deferredAccount,
          RevenueSchedule.of(line.netAmount(), line.serviceFrom(), line.serviceTo()));
    }
    return booked;
  }

  /** What the month-end close released: entries booked and the amount per currency. */
  public record Released(int entries, Map<String, BigDecimal> amounts) {}

  /**
   * Releases the deferred revenue of every month up to and including {@code month} not yet released (a month the
   * close of an earlier month could not release, e.g. of an invoice booked later, is caught up): per invoice and
   * month one entry, the deferred-revenue account against each line's revenue account, dated the month's last day (or
   * the invoice's booking day if later), on the first open day when that month is closed. Each share is released
   * once: a second run finds nothing left.
   */
  @Transactional
  public Released releaseDeferredRevenue(java.time.YearMonth month) {
    Map<String, List<RevenueReleaseRepository.Planned>> byInvoiceAndMonth = new LinkedHashMap<>();
    for (RevenueReleaseRepository.Planned p : releases.dueLocked(month.toString())) {
      byInvoiceAndMonth.computeIfAbsent(p.invoiceId() + "/" + p.period(), k -> new ArrayList<>()).add(p);
    }
    Map<String, BigDecimal> amounts = new java.util.TreeMap<>();
    for (List<RevenueReleaseRepository.Planned> shares : byInvoiceAndMonth.values()) {
      RevenueReleaseRepository.Planned first = shares.get(0);
      Map<String, BigDecimal> fromDeferred = new LinkedHashMap<>();
      Map<String, BigDecimal> toRevenue = new LinkedHashMap<>();
      for (RevenueReleaseRepository.Planned p : shares) {
        fromDeferred.merge(p.deferredAccount(), p.left(), BigDecimal::add);
        toRevenue.merge(p.revenueAccount(), p.left(), BigDecimal::add);
        amounts.merge(p.currency(), p.left(), BigDecimal::add);
      }
      List<LedgerLine> posting = new ArrayList<>();
      fromDeferred.forEach((account, amount) -> posting.add(new LedgerLine(account, amount, first.invoiceId(), null)));
      toRevenue.forEach((account, amount) -> posting.add(LedgerLine.credit(account, amount)));
      LocalDate monthEnd = java.time.YearMonth.parse(first.period()).atEndOfMonth();
      LocalDate date = monthEnd.isBefore(first.invoiceBookingDate()) ? first.invoiceBookingDate() : monthEnd;
      Posted posted = book(EntryKind.REVENUE_RELEASE, date, text(EntryKind.REVENUE_RELEASE, first.invoiceNumber(),
          first.period()), first.currency(), first.invoiceId(), null, posting);
      releases.released(shares.stream().map(RevenueReleaseRepository.Planned::id).toList(), posted.id());
    }
    return new Released(byInvoiceAndMonth.size(), amounts);
  }

  /** What is still to be released of an invoice's deferred revenue. */
  public BigDecimal unreleased(Invoice invoice) {
    return releases.unreleased(invoice.id());
  }

  /** A reminder or collection-notice fee added to the invoice (no VAT). */
  @Transactional(propagation = Propagation.MANDATORY)
  @Override
  public LocalDate feeCharged(Invoice invoice, BigDecimal fee) {
    return post(EntryKind.FEE, clock.today(), text(EntryKind.FEE, invoice.invoiceNumber()), invoice, null, List.of(
        receivable(invoice, fee), LedgerLine.credit(accounts.account(Role.FEES), fee)));
  }

  /**
   * A credit note of {@code amount}: the same lines the credit note shows (see {@link CreditNoteLines}) reverse
   * revenue and VAT; a share of a VAT rate is spread over that rate's revenue accounts by their net amounts.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  @Override
  public LocalDate credited(Invoice invoice, List<InvoiceLine> lines, BigDecimal amount, int creditNoteOrdinal) {
    List<CreditNoteLines.Line> reversed = CreditNoteLines.of(lines, amount);
    List<LedgerLine> posting = new ArrayList<>(releases.anyPlanned(invoice.id())
        ? reversalOfPeriodised(invoice, lines, reversed) : reversal(lines, reversed, null));
    posting.add(receivable(invoice, amount.negate()));
    return post(EntryKind.CREDIT_NOTE, clock.today(), text(EntryKind.CREDIT_NOTE, invoice.invoiceNumber(),
        String.valueOf(creditNoteOrdinal)), invoice, null, posting);
  }

  /**
   * A payment booked on an invoice: the money (from the bank, or from unmatched payments where a person placed a
   * kept payment) pays the receivable; what is paid beyond it is the customer's credit.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public LocalDate paymentBooked(Invoice invoice, long paymentId, LocalDate bookingDate, BigDecimal amount,
                            BigDecimal overpaid, boolean fromUnmatched) {
    BigDecimal applied = amount.subtract(overpaid);
    List<LedgerLine> posting = new ArrayList<>();
    posting.add(LedgerLine.debit(accounts.account(fromUnmatched ? Role.UNMATCHED_PAYMENTS : Role.BANK), amount));
    posting.add(receivable(invoice, applied.negate()));
    if (overpaid.signum() != 0) {
      posting.add(LedgerLine.credit(accounts.account(Role.CUSTOMER_CREDIT), overpaid)
          .of(invoice.id(), invoice.customerNumber()));
    }
    return post(EntryKind.PAYMENT, bookingDate, text(EntryKind.PAYMENT, invoice.invoiceNumber(), String.valueOf(paymentId)), invoice,
        paymentId, posting);
  }

  /** A payment that matched nothing (or a reversal): the bank against unmatched payments. */
  @Transactional(propagation = Propagation.MANDATORY)
  public LocalDate paymentKept(long paymentId, LocalDate paidAt, BigDecimal amount, String currency) {
    return post(EntryKind.UNMATCHED_PAYMENT, paidAt, text(EntryKind.UNMATCHED_PAYMENT, String.valueOf(paymentId)), currency, null, paymentId, List.of(
        LedgerLine.debit(accounts.account(Role.BANK), amount),
        LedgerLine.credit(accounts.account(Role.UNMATCHED_PAYMENTS), amount)));
  }

  /** A kept payment a person booked as a credit not tied to an invoice. */
  @Transactional(propagation = Propagation.MANDATORY)
  public LocalDate keptAsCredit(long paymentId, BigDecimal amount, String currency) {
    return post(EntryKind.UNALLOCATED_CREDIT, clock.today(), text(EntryKind.UNALLOCATED_CREDIT, String.valueOf(paymentId)),
        currency, null, paymentId, List.of(
            LedgerLine.debit(accounts.account(Role.UNMATCHED_PAYMENTS), amount),
            LedgerLine.credit(accounts.account(Role.CUSTOMER_CREDIT), amount)));
  }

  /**
   * What could not be collected: a loss on receivables. Payments went to fees first (the order of settlement in
   * Swedish and Norwegian collection law), so the open fees are written off as they are and the rest as a share of
   * the invoice lines, whose output VAT is reversed (VAT on a confirmed bad debt is not owed).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  @Override
  public LocalDate writtenOff(Invoice invoice, List<InvoiceLine> lines, BigDecimal amount, String reason) {
    BigDecimal creditedFees = invoice.creditedAmount().subtract(invoice.totalAmount()).max(BigDecimal.ZERO);
    BigDecimal openFees = invoice.feesAmount().subtract(creditedFees).subtract(invoice.paidAmount())
        .max(BigDecimal.ZERO).min(amount);
    BigDecimal principal = amount.subtract(openFees);
    String badDebt = accounts.account(Role.BAD_DEBT);
    List<LedgerLine> posting = new ArrayList<>();
    if (principal.signum() > 0) {
      posting.addAll(reversal(lines, CreditNoteLines.of(lines, principal), badDebt));
    }
    if (openFees.signum() > 0) {
      posting.add(LedgerLine.debit(badDebt, openFees));
    }
    posting.add(receivable(invoice, amount.negate()));
    return post(EntryKind.WRITE_OFF, clock.today(), text(EntryKind.WRITE_OFF, invoice.invoiceNumber(), reason),
        invoice, null, posting);
  }

  /** An overpayment paid back to the customer. */
  @Transactional(propagation = Propagation.MANDATORY)
  @Override
  public LocalDate refunded(Invoice invoice, BigDecimal amount) {
    return post(EntryKind.REFUND, clock.today(), text(EntryKind.REFUND, invoice.invoiceNumber()), invoice, null,
        List.of(LedgerLine.debit(accounts.account(Role.CUSTOMER_CREDIT), amount)
                .of(invoice.id(), invoice.customerNumber()),
            LedgerLine.credit(accounts.account(Role.BANK), amount)));
  }

  /**
   * An invoice taken over from the previous system: its open amount there on receivables, against the cut-over
   * account (fordra.ledger.accounts.opening), which the old system's closing entry clears in the general ledger.
   * Revenue and VAT were booked by the old system and are not booked again.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  @Override
  public LocalDate openingBalance(Invoice invoice, BigDecimal openAmount, LocalDate cutOverDate) {
    return post(EntryKind.OPENING, cutOverDate, text(EntryKind.OPENING, invoice.invoiceNumber(),
        invoice.customerNumber()), invoice, null, List.of(receivable(invoice, openAmount),
        LedgerLine.credit(accounts.account(Role.OPENING), openAmount)));
  }

  /** The invoice's balance on the receivables account: what the ledger says the customer owes on it. */
  public BigDecimal receivableBalance(Invoice invoice) {
    return entries.invoiceBalance(invoice.id(), accounts.account(Role.RECEIVABLES));
  }

  public List<LedgerEntry> entriesOf(Invoice invoice) {
    return entries.ofInvoice(invoice.id());
  }

  /** The revenue account of a line at a VAT rate, for a new invoice; empty if the chart has none for the rate. */
  @Override
  public java.util.Optional<String> salesAccount(BigDecimal vatRate) {
    return accounts.sales(vatRate);
  }

  @Override
  public java.util.Optional<String> salesAccount(io.fordra.invoice.VatTreatment treatment, BigDecimal vatRate) {
    return switch (treatment) {
      case REVERSE_CHARGE -> java.util.Optional.of(accounts.account(LedgerAccounts.Role.SALES_REVERSE_CHARGE));
      case EXPORT -> java.util.Optional.of(accounts.account(LedgerAccounts.Role.SALES_EXPORT));
      case DOMESTIC -> salesAccount(vatRate);
    };
  }

  /** Whether a line at this VAT rate can be booked: the chart has its sales account and (above 0 %) its VAT account. */
  @Override
  public boolean canBook(BigDecimal vatRate) {
    return accounts.sales(vatRate).isPresent() && (vatRate.signum() == 0 || accounts.outputVat(vatRate).isPresent());
  }

  public String account(Role role) {
    return accounts.account(role);
  }

  /**
   * Reverses credit-note lines of an invoice with periodised lines, line by line: of each periodised line's credited
   * net, what is not yet released leaves the deferred-revenue account (the latest months first, so that a credit of
   * "the rest" stops the releases from its month on), and only what was released already reverses revenue.
   */
  private List<LedgerLine> reversalOfPeriodised(Invoice invoice, List<InvoiceLine> invoiceLines,
                                                List<CreditNoteLines.Line> reversed) {
    Map<String, BigDecimal> debits = new LinkedHashMap<>();
    Map<String, BigDecimal> fromDeferred = new LinkedHashMap<>();
    Map<String, BigDecimal> vatDebits = new LinkedHashMap<>();
    for (CreditNoteLines.Line line : reversed) {
      switch (line.type()) {
        case INVOICE_LINE -> creditLine(invoice, line.invoiceLine(), line.netAmount(), debits, fromDeferred);
        case FEES -> debits.merge(accounts.account(Role.FEES), line.netAmount(), BigDecimal::add);
        case SHARE_OF_RATE -> spreadOverLines(invoiceLines, line.vatRate(), line.netAmount())
            .forEach((invoiceLine, share) -> creditLine(invoice, invoiceLine, share, debits, fromDeferred));
      }
      if (line.vatAmount().signum() != 0) {
        vatDebits.merge(vatAccount(line.vatRate()), line.vatAmount(), BigDecimal::add);
      }
    }
    List<LedgerLine> posting = new ArrayList<>();
    debits.forEach((account, amount) -> posting.add(LedgerLine.debit(account, amount)));
    fromDeferred.forEach((account, amount) -> posting.add(deferredLine(account, amount, invoice)));
    vatDebits.forEach((account, amount) -> posting.add(LedgerLine.debit(account, amount)));
    return posting;
  }

  /** One line's credited net: the unreleased shares first (cancelled, latest month first), the rest from revenue. */
  private void creditLine(Invoice invoice, InvoiceLine line, BigDecimal net, Map<String, BigDecimal> revenue,
                          Map<String, BigDecimal> fromDeferred) {
    BigDecimal rest = net;
    for (RevenueReleaseRepository.Planned p : releases.unreleasedLocked(invoice.id(), line.lineNumber())) {
      if (rest.signum() <= 0) {
        break;
      }
      BigDecimal cancelled = p.left().min(rest);
      releases.credited(p.id(), p.credited().add(cancelled));
      fromDeferred.merge(p.deferredAccount(), cancelled, BigDecimal::add);
      rest = rest.subtract(cancelled);
    }
    if (rest.signum() != 0) {
      revenue.merge(line.revenueAccount(), rest, BigDecimal::add);
    }
  }

  /** A net amount at one VAT rate spread over that rate's lines by their net amounts; the largest takes the rest. */
  static Map<InvoiceLine, BigDecimal> spreadOverLines(List<InvoiceLine> lines, BigDecimal vatRate, BigDecimal net) {
    List<InvoiceLine> ofRate = lines.stream().filter(l -> l.vatRate().compareTo(vatRate) == 0).toList();
    BigDecimal total = ofRate.stream().map(InvoiceLine::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    Map<InvoiceLine, BigDecimal> shares = new LinkedHashMap<>();
    if (ofRate.size() == 1 || total.signum() == 0) {
      shares.put(ofRate.get(0), net);
      return shares;
    }
    InvoiceLine largest = null;
    BigDecimal given = BigDecimal.ZERO;
    for (InvoiceLine l : ofRate) {
      BigDecimal share = net.multiply(l.netAmount()).divide(total, 2, RoundingMode.HALF_UP);
      shares.put(l, share);
      given = given.add(share);
      if (largest == null || l.netAmount().compareTo(largest.netAmount()) > 0) {
        largest = l;
      }
    }
    shares.merge(largest, net.subtract(given), BigDecimal::add);
    return shares;
  }

  /** A line on the deferred-revenue account, in the invoice's sub-ledger (the close reconciles it per invoice). */
  private static LedgerLine deferredLine(String account, BigDecimal amount, Invoice invoice) {
    return new LedgerLine(account, amount, invoice.id(), null);
  }

  /** Reverses credit-note (or write-off) lines: revenue (or the loss account) and VAT debited. */
  private List<LedgerLine> reversal(List<InvoiceLine> invoiceLines, List<CreditNoteLines.Line> reversed,
                                    String netAccount) {
    Map<String, BigDecimal> debits = new LinkedHashMap<>();
    for (CreditNoteLines.Line line : reversed) {
      switch (line.type()) {
        case INVOICE_LINE -> debits.merge(netAccount != null ? netAccount : line.invoiceLine().revenueAccount(),
            line.netAmount(), BigDecimal::add);
        case FEES -> debits.merge(netAccount != null ? netAccount : accounts.account(Role.FEES), line.netAmount(),
            BigDecimal::add);
        case SHARE_OF_RATE -> {
          if (netAccount != null) {
            debits.merge(netAccount, line.netAmount(), BigDecimal::add);
          } else {
            spreadOverRevenueAccounts(invoiceLines, line.vatRate(), line.netAmount())
                .forEach((account, amount) -> debits.merge(account, amount, BigDecimal::add));
          }
        }
      }
      if (line.vatAmount().signum() != 0) {
        debits.merge(vatAccount(line.vatRate()), line.vatAmount(), BigDecimal::add);
      }
    }
    List<LedgerLine> posting = new ArrayList<>();
    debits.forEach((account, amount) -> posting.add(LedgerLine.debit(account, amount)));
    return posting;
  }

  /** A net amount at one VAT rate spread over the revenue accounts of that rate's lines; the largest takes the rest. */
  static Map<String, BigDecimal> spreadOverRevenueAccounts(List<InvoiceLine> lines, BigDecimal vatRate,
                                                           BigDecimal net) {
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    lines.stream().filter(l -> l.vatRate().compareTo(vatRate) == 0)
        .forEach(l -> weights.merge(l.revenueAccount(), l.netAmount(), BigDecimal::add));
    BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    Map<String, BigDecimal> shares = new LinkedHashMap<>();
    if (weights.size() == 1 || total.signum() == 0) {
      shares.put(weights.keySet().iterator().next(), net);
      return shares;
    }
    String largest = null;
    BigDecimal given = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
      BigDecimal share = net.multiply(w.getValue()).divide(total, 2, RoundingMode.HALF_UP);
      shares.put(w.getKey(), share);
      given = given.add(share);
      if (largest == null || w.getValue().compareTo(weights.get(largest)) > 0) {
        largest = w.getKey();
      }
    }
    shares.merge(largest, net.subtract(given), BigDecimal::add);
    return shares;
  }

  private String vatAccount(BigDecimal rate) {
    return accounts.outputVat(rate).orElseThrow(() -> new IllegalStateException("No output VAT account for "
        + rate.stripTrailingZeros().toPlainString() + " %: set fordra.ledger.output-vat."
        + rate.stripTrailingZeros().toPlainString()));
  }

  /** An entry's text in the seller's language (the accountant's), from ledger/entries_*.properties. */
  private String text(EntryKind kind, String... args) {
    return new MessageFormat(texts.getString(kind.name()), texts.getLocale()).format(args);
  }

  private LedgerLine receivable(Invoice invoice, BigDecimal amount) {
    return new LedgerLine(accounts.account(Role.RECEIVABLES), amount, invoice.id(), invoice.customerNumber());
  }

  /** A booked entry: its id (0 when it had no lines) and the day it was booked on. */
  private record Posted(long id, LocalDate date) {}

  private LocalDate post(EntryKind kind, LocalDate date, String text, Invoice invoice, Long paymentId,
                         List<LedgerLine> lines) {
    return post(kind, date, text, invoice.currency().name(), invoice.id(), paymentId, lines);
  }

  /**
   * Books the entry on its date, or on the first open day when that date is in a closed month.
   *
   * @return the day it was booked on
   */
  private LocalDate post(EntryKind kind, LocalDate date, String text, String currency, Long invoiceId,
                         Long paymentId, List<LedgerLine> lines) {
    return book(kind, date, text, currency, invoiceId, paymentId, lines).date();
  }

  private Posted book(EntryKind kind, LocalDate date, String text, String currency, Long invoiceId,
                      Long paymentId, List<LedgerLine> lines) {
    List<LedgerLine> nonZero = lines.stream().filter(l -> l.amount().signum() != 0).toList();
    LocalDate bookingDate = closedPeriods.firstOpenDay(date);
    LedgerEntry entry = new LedgerEntry(0, bookingDate, kind, text, currency, invoiceId, paymentId, clock.now(), nonZero);
    if (entry.sum().signum() != 0) {
      throw new IllegalStateException("Unbalanced ledger entry (" + entry.sum().toPlainString() + "): " + entry);
    }
    return new Posted(nonZero.isEmpty() ? 0 : entries.insert(entry), bookingDate);
  }
}
