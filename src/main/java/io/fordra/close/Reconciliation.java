package io.fordra.close;

import io.fordra.ledger.LedgerAccounts;
import io.fordra.ledger.LedgerAccounts.Role;
import io.fordra.report.AgingReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The month-end reconciliation, per currency, all sums in the database (no loop over invoices; the queries are
 * {@link ReconciliationRepository}'s):
 * <ol>
 *   <li>the receivables account (booked up to the period's last day, and in total now) against the open amounts of
 *       all invoices now, and each invoice whose open amount is not its receivables balance;</li>
 *   <li>the bank account's movements booked in the period against the payments received in it (paid in the period,
 *       not shares of a kept payment that a person placed later: the kept payment was the bank money), each payment
 *       not on the bank account with its amount, and per payment file received in the period its stated total
 *       against the payments stored from it (plus the duplicates it held);</li>
 *   <li>the aging report as of the period's last day (what was open at its end, from the invoices, payments, credit
 *       notes, fees and write-offs themselves) against the receivables account booked up to that day;</li>
 *   <li>every ledger entry balanced.</li>
 * </ol>
 * Each kind of difference is counted in full; at most {@link #LISTED} of a kind are listed.
 */
@Service
public class Reconciliation {

  /** Differences of one kind listed at most (all are counted). */
  public static final int LISTED = 100;

  /** One currency's figures. */
  /**
   * One currency's figures.
   *
   * @param deferredRevenue the deferred-revenue account now (credit as positive)
   * @param toBeReleased    what is still to be released of periodised invoice lines now
   */
  public record Figures(String currency, BigDecimal ledgerReceivablesAtPeriodEnd, BigDecimal ledgerReceivables,
                        BigDecimal openInvoices, BigDecimal bankMovements, BigDecimal refundsPaidOut,
                        BigDecimal paymentsReceived, BigDecimal agingTotal, BigDecimal deferredRevenue,
                        BigDecimal toBeReleased) {

    /** Figures of a currency without periodised revenue (and as closes before it stored them). */
    public Figures(String currency, BigDecimal ledgerReceivablesAtPeriodEnd, BigDecimal ledgerReceivables,
                   BigDecimal openInvoices, BigDecimal bankMovements, BigDecimal refundsPaidOut,
                   BigDecimal paymentsReceived, BigDecimal agingTotal) {
      this(currency, ledgerReceivablesAtPeriodEnd, ledgerReceivables, openInvoices, bankMovements, refundsPaidOut,
          paymentsReceived, agingTotal, ZERO, ZERO);
    }
  }

  /**
   * One difference: what the ledger says against what the other side says.
   *
   * @param subject what it is about: a currency, an invoice number, a payment, a payment file, an entry
   */
  public record Difference(ReconciliationCheck check, String currency, String subject, BigDecimal ledger,
                           BigDecimal other, BigDecimal difference, String description) {}

  public record Result(YearMonth period, LocalDate agingDate, List<Figures> figures, int differenceCount,
                       List<Difference> differences) {}

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private final ReconciliationRepository sums;
  private final LedgerAccounts accounts;
  private final AgingReport aging;

  Reconciliation(ReconciliationRepository sums, LedgerAccounts accounts, AgingReport aging) {
    this.sums = sums;
    this.accounts = accounts;
    this.aging = aging;
  }

  /**
   * Reconciles the month; the aging report is taken as of its last day.
   *
   * @param zone the zone in which a payment file's receipt belongs to the month
   */
  public Result reconcile(YearMonth period, ZoneId zone) {
    LocalDate agingDate = period.atEndOfMonth();
    String receivables = accounts.account(Role.RECEIVABLES);
    String bank = accounts.account(Role.BANK);
    LocalDate first = period.atDay(1);
    LocalDate last = period.atEndOfMonth();
    Map<String, Figures> figures = new TreeMap<>();
    List<Difference> differences = new ArrayList<>();
    int count = 0;

    // (a) The receivables account against the invoices.
    for (ReconciliationRepository.Receivables r : sums.receivables(receivables, last)) {
      BigDecimal atEnd = money(r.atPeriodEnd());
      BigDecimal now = money(r.now());
      update(figures, r.currency(), f -> with(f, atEnd, now, null, null, null, null, null));
    }
    for (ReconciliationRepository.Sum s : sums.openInvoices()) {
      BigDecimal open = money(s.amount());
      update(figures, s.currency(), f -> with(f, null, null, open, null, null, null, null));
    }
    count += sums.countInvoiceBalanceDifferences(receivables);
    for (ReconciliationRepository.InvoiceBalance b : sums.invoiceBalanceDifferences(receivables, LISTED)) {
      differences.add(difference(ReconciliationCheck.INVOICE_BALANCE, b.currency(), b.invoiceNumber(), b.balance(),
          b.openAmount(), "Invoice " + b.invoiceNumber() + ": receivables balance %s, open amount %s"));
    }
    List<Difference> withoutInvoice = sums.receivablesWithoutInvoice(receivables).stream()
        .map(w -> difference(ReconciliationCheck.RECEIVABLE_WITHOUT_INVOICE, w.currency(), w.lines() + " lines",
            w.amount(), ZERO, w.lines() + " receivables lines name no invoice: %s on the account, no invoice owes %s"))
        .toList();
    count += withoutInvoice.size();
    differences.addAll(withoutInvoice);

    // (b) The bank account against the payments received.
    for (ReconciliationRepository.BankMovements m : sums.bankMovements(bank, first, last)) {
      BigDecimal movements = money(m.movements());
      BigDecimal refunds = money(m.refunds()).negate();
      update(figures, m.currency(), f -> with(f, null, null, null, movements, refunds, null, null));
    }
    for (ReconciliationRepository.Sum s : sums.paymentsReceived(first, last)) {
      BigDecimal received = money(s.amount());
      update(figures, s.currency(), f -> with(f, null, null, null, null, null, received, null));
    }
    count += sums.countPaymentsNotBooked(bank, first, last);
    for (ReconciliationRepository.PaymentNotBooked p : sums.paymentsNotBooked(bank, first, last, LISTED)) {
      differences.add(difference(ReconciliationCheck.PAYMENT_NOT_BOOKED, p.currency(), "payment " + p.id(),
          p.booked(), p.amount(), "Payment " + p.id() + " (bank transaction " + p.bankTransactionId()
              + "): %s on the bank account, %s received"));
    }
    OffsetDateTime from = first.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    OffsetDateTime until = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime()
        .withOffsetSameInstant(ZoneOffset.UTC);
    List<Difference> files = new ArrayList<>();
    for (ReconciliationRepository.PaymentFile f : sums.paymentFiles(from, until)) {
      BigDecimal stored = f.stored().add(f.duplicateAmount());
      boolean importing = !"DONE".equals(f.status());
      if (f.totalAmount().compareTo(stored) != 0 || importing) {
        files.add(difference(ReconciliationCheck.PAYMENT_FILE, f.currency() == null ? "" : f.currency(),
            "payment file " + f.id(), stored, f.totalAmount(), "Payment file " + f.id() + " (" + f.fileName()
                + (importing ? ", import not finished: " + f.processed() + " of " + f.paymentCount()
                + " payments booked" : "")
                + "): %s stored from it (duplicates included), the file states %s"));
      }
    }
    count += files.size();
    differences.addAll(files.stream().limit(LISTED).toList());

    // (c) The aging report as of the period's end (from the sub-ledger) against the ledger at the period's end.
    for (AgingReport.Totals t : aging.on(agingDate).totals()) {
      update(figures, t.currency(), f -> with(f, null, null, null, null, null, null, money(t.total())));
    }

    // (d) Every entry balanced.
    count += sums.countUnbalancedEntries();
    for (ReconciliationRepository.UnbalancedEntry e : sums.unbalancedEntries(LISTED)) {
      differences.add(difference(ReconciliationCheck.UNBALANCED_ENTRY, e.currency(), "entry " + e.id(), e.sum(),
          ZERO, "Entry " + e.id() + " (" + e.text() + ") does not balance: its lines add up to %s, not %s"));
    }

    // (e) Deferred revenue: the account against what is still to be released (the close released the month first).
    List<String> deferredAccounts = sums.deferredRevenueAccounts(accounts.account(Role.DEFERRED_REVENUE));
    for (ReconciliationRepository.Sum s : sums.deferredRevenue(deferredAccounts)) {
      BigDecimal balance = money(s.amount()).negate();
      update(figures, s.currency(), f -> withDeferred(f, balance, null));
    }
    for (ReconciliationRepository.Sum s : sums.toBeReleased()) {
      BigDecimal planned = money(s.amount());
      update(figures, s.currency(), f -> withDeferred(f, null, planned));
    }
    count += sums.countDeferredBalanceDifferences(deferredAccounts);
    for (ReconciliationRepository.DeferredBalance d : sums.deferredBalanceDifferences(deferredAccounts, LISTED)) {
      differences.add(difference(ReconciliationCheck.DEFERRED_REVENUE_INVOICE, d.currency(), d.invoiceNumber(),
          d.balance(), d.toBeReleased(), "Invoice " + d.invoiceNumber()
              + ": deferred revenue %s on the account, %s still to be released"));
    }

    // The totals per currency.
    List<Difference> totals = new ArrayList<>();
    for (Figures f : figures.values()) {
      if (f.ledgerReceivables().compareTo(f.openInvoices()) != 0) {
        totals.add(difference(ReconciliationCheck.RECEIVABLES_TOTAL, f.currency(), f.currency(),
            f.ledgerReceivables(), f.openInvoices(), "Receivables account %s, open invoices %s"));
      }
      BigDecimal bankReceived = f.bankMovements().add(f.refundsPaidOut());
      if (bankReceived.compareTo(f.paymentsReceived()) != 0) {
        totals.add(difference(ReconciliationCheck.BANK_TOTAL, f.currency(), f.currency(), bankReceived,
            f.paymentsReceived(), "Bank account in " + period + " (refunds of " + f.refundsPaidOut().toPlainString()
                + " aside) %s, payments received %s"));
      }
      if (f.ledgerReceivablesAtPeriodEnd().compareTo(f.agingTotal()) != 0) {
        totals.add(difference(ReconciliationCheck.AGING_TOTAL, f.currency(), f.currency(),
            f.ledgerReceivablesAtPeriodEnd(), f.agingTotal(), "Receivables account at " + agingDate
                + " %s, aging report as of " + agingDate + " %s"));
      }
      if (f.deferredRevenue().compareTo(f.toBeReleased()) != 0) {
        totals.add(difference(ReconciliationCheck.DEFERRED_REVENUE_TOTAL, f.currency(), f.currency(),
            f.deferredRevenue(), f.toBeReleased(), "Deferred-revenue account %s, still to be released %s"));
      }
    }
    count += totals.size();
    differences.addAll(0, totals);
    return new Result(period, agingDate, List.copyOf(figures.values()), count, List.copyOf(differences));
  }

  private static Difference difference(ReconciliationCheck check, String currency, String subject,
                                       BigDecimal ledger, BigDecimal other, String description) {
    BigDecimal l = money(ledger);
    BigDecimal o = money(other);
    return new Difference(check, currency, subject, l, o, l.subtract(o),
        description.formatted(l.toPlainString(), o.toPlainString()) + " (difference " + l.subtract(o).toPlainString()
            + (currency == null || currency.isEmpty() ? "" : " " + currency) + ")");
  }

  private static void update(Map<String, Figures> figures, String currency, Function<Figures, Figures> change) {
    figures.put(currency, change.apply(figures.getOrDefault(currency, new Figures(currency, ZERO, ZERO, ZERO, ZERO,
        ZERO, ZERO, ZERO))));
  }

  private static Figures with(Figures f, BigDecimal atPeriodEnd, BigDecimal receivables, BigDecimal open,
                              BigDecimal bank, BigDecimal refunds, BigDecimal payments, BigDecimal agingTotal) {
    return new Figures(f.currency(), or(atPeriodEnd, f.ledgerReceivablesAtPeriodEnd()),
        or(receivables, f.ledgerReceivables()), or(open, f.openInvoices()), or(bank, f.bankMovements()),
        or(refunds, f.refundsPaidOut()), or(payments, f.paymentsReceived()), or(agingTotal, f.agingTotal()),
        f.deferredRevenue(), f.toBeReleased());
  }

  private static Figures withDeferred(Figures f, BigDecimal deferred, BigDecimal toBeReleased) {
    return new Figures(f.currency(), f.ledgerReceivablesAtPeriodEnd(), f.ledgerReceivables(), f.openInvoices(),
        f.bankMovements(), f.refundsPaidOut(), f.paymentsReceived(), f.agingTotal(),
        or(deferred, f.deferredRevenue()), or(toBeReleased, f.toBeReleased()));
  }

  private static BigDecimal or(BigDecimal value, BigDecimal fallback) {
    return value != null ? value : fallback;
  }

  private static BigDecimal money(BigDecimal value) {
    return value == null ? ZERO : value.setScale(2);
  }
}
