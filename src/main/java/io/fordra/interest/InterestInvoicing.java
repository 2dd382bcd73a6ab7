package io.fordra.interest;

import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.Money;
import io.fordra.ledger.LedgerAccounts;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly interest invoicing (seed 004): for each customer selected for it, the late-payment interest its invoices
 * earned up to the month's last day and not yet invoiced becomes one interest invoice per currency, which then
 * follows invoice-to-cash like any invoice. Interest already earned is invoiced even when the principal has been paid
 * since. A Swedish business debtor is charged the förseningsersättning once per invoice, when interest first falls
 * due (where enabled). A payment plan that waived interest (issue 20, {@link InterestFreePlans}) keeps its days out:
 * while it runs, the invoice's interest is invoiced only up to the day before its approval; once it ended PAID, its
 * days are a period without interest; a BROKEN plan waived nothing.
 */
@Service
class InterestInvoicing {

  private static final Logger log = LoggerFactory.getLogger(InterestInvoicing.class);

  /** What one chunk of a run did; the run goes on after the last customer while more may follow. */
  public record Chunk(String lastCustomer, boolean more, int interestInvoices) {}

  private final InterestRepository repository;
  private final InterestRates rates;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final SellerProperties seller;
  private final InterestProperties properties;
  private final FordraClock clock;
  private final LedgerAccounts accounts;
  private final InterestFreePlans interestFreePlans;

  public InterestInvoicing(InterestRepository repository, InterestRates rates, InvoiceService invoices,
                           CustomerService customers, SellerProperties seller, InterestProperties properties,
                           FordraClock clock, LedgerAccounts accounts, InterestFreePlans interestFreePlans) {
    this.accounts = accounts;
    this.interestFreePlans = interestFreePlans;
    this.repository = repository;
    this.rates = rates;
    this.invoices = invoices;
    this.customers = customers;
    this.seller = seller;
    this.properties = properties;
    this.clock = clock;
  }

  /** The next customers of the run for the month, after the given customer number ("" for the first). */
  @Transactional
  public Chunk invoiceChunk(YearMonth month, String afterCustomer) {
    List<String> selected = repository.selectedCustomers(afterCustomer == null ? "" : afterCustomer,
        properties.chunk());
    int created = 0;
    for (String customerNumber : selected) {
      created += invoiceCustomer(customers.get(customerNumber), month.atEndOfMonth());
    }
    String last = selected.isEmpty() ? afterCustomer : selected.get(selected.size() - 1);
    return new Chunk(last, selected.size() == properties.chunk(), created);
  }

  private int invoiceCustomer(Customer customer, LocalDate through) {
    Map<String, List<InvoiceRequest.LineRequest>> linesByCurrency = new LinkedHashMap<>();
    Map<String, List<String>> accountsByCurrency = new LinkedHashMap<>();
    Map<String, List<Accrued>> accruedByCurrency = new LinkedHashMap<>();
    for (InterestRepository.Candidate candidate : repository.candidates(customer.customerNumber(), through)) {
      LocalDate from = candidate.invoicedThrough() == null || candidate.invoicedThrough().isBefore(candidate.dueDate())
          ? candidate.dueDate() : candidate.invoicedThrough();
      List<InterestFreePlans.Plan> plans = interestFreePlans.of(candidate.id());
      // A running plan without interest: its days are waived only if it is kept, so they wait (not invoiced, not
      // marked) until it ends; PAID waives them for good, BROKEN charges them.
      LocalDate until = plans.stream().filter(InterestFreePlans.Plan::running)
          .map(p -> p.approvedOn().minusDays(1)).filter(d -> d.isBefore(through)).min(LocalDate::compareTo)
          .orElse(through);
      if (!until.isAfter(from)) {
        continue;
      }
      List<InterestCalculator.Excluded> excluded = plans.stream().filter(p -> !p.running())
          .map(p -> new InterestCalculator.Excluded(p.approvedOn(), p.endedOn(), "payment plan " + p.planNumber()))
          .toList();
      List<InterestCalculator.Paid> paid = new ArrayList<>(repository.payments(candidate.id()));
      repository.credits(candidate.id()).forEach(c ->
          paid.add(new InterestCalculator.Paid(LocalDate.ofInstant(c.at(), clock.zone()), c.amount())));
      InterestCalculator.Interest interest;
      try {
        interest = InterestCalculator.interest(from, candidate.totalAmount(), paid, until,
            rates.between(seller.country(), from.plusDays(1), until), excluded);
      } catch (InterestCalculator.MissingRate e) {
        Invoice invoice = invoices.byId(candidate.id());
        invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.INTEREST_NOT_INVOICED,
            "Interest up to " + until + " not invoiced: " + e.getMessage()));
        log.warn("Interest for invoice {} not invoiced: {}", candidate.invoiceNumber(), e.getMessage());
        continue;
      }
      BigDecimal paidByThen = paid.stream().filter(p -> !p.on().isAfter(until))
          .map(InterestCalculator.Paid::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      boolean done = paidByThen.compareTo(candidate.totalAmount()) >= 0;
      List<InvoiceRequest.LineRequest> lines = linesByCurrency.computeIfAbsent(candidate.currency(),
          c -> new ArrayList<>());
      List<String> revenueAccounts = accountsByCurrency.computeIfAbsent(candidate.currency(), c -> new ArrayList<>());
      for (InterestCalculator.Period period : interest.periods()) {
        if (period.interest().signum() > 0) {
          lines.add(line(interestText(customer, candidate, period), period.interest()));
          revenueAccounts.add(accounts.account(LedgerAccounts.Role.INTEREST));
        }
      }
      boolean compensation = interest.total().signum() > 0 && !candidate.compensationCharged()
          && properties.lateCompensationEnabled() && seller.country() == Country.SE
          && customer.type() == CustomerType.BUSINESS && "SEK".equals(candidate.currency());
      if (compensation) {
        lines.add(line(compensationText(customer, candidate), properties.lateCompensation()));
        revenueAccounts.add(accounts.account(LedgerAccounts.Role.LATE_COMPENSATION));
      }
      accruedByCurrency.computeIfAbsent(candidate.currency(), c -> new ArrayList<>())
          .add(new Accrued(candidate, until, interest, done, compensation));
    }
    int created = 0;
    for (var entry : accruedByCurrency.entrySet()) {
      List<InvoiceRequest.LineRequest> lines = linesByCurrency.get(entry.getKey());
      Invoice interestInvoice = null;
      if (!lines.isEmpty()) {
        LocalDate today = clock.today();
        interestInvoice = invoices.create(new InvoiceRequest(null, customer.customerNumber(), null, today,
            today.plusDays(properties.paymentDays()), Currency.valueOf(entry.getKey()), lines, null, null),
            accountsByCurrency.get(entry.getKey()));
        repository.markInterestInvoice(interestInvoice.id());
        created++;
      }
      for (Accrued a : entry.getValue()) {
        repository.invoicedThrough(a.candidate().id(), a.through(), a.done(), a.compensation());
        if (interestInvoice != null && a.interest().total().signum() > 0) {
          Invoice source = invoices.byId(a.candidate().id());
          invoices.record(source, InvoiceEvent.of(InvoiceEventType.INTEREST_INVOICED, "Interest of "
              + source.inCurrency(a.interest().total()) + " up to " + a.through() + " invoiced on interest invoice "
              + interestInvoice.invoiceNumber() + (a.compensation() ? ", with the förseningsersättning of "
              + source.inCurrency(properties.lateCompensation()) : "") + waived(a.interest())));
        }
      }
    }
    return created;
  }

  private record Accrued(InterestRepository.Candidate candidate, LocalDate through,
                         InterestCalculator.Interest interest, boolean done, boolean compensation) {}

  /** The excluded spans, which an invoice cannot show as lines (a line is never 0.00): "; no interest for …". */
  private static String waived(InterestCalculator.Interest interest) {
    return interest.periods().stream().filter(InterestCalculator.Period::excluded)
        .map(p -> "; no interest for " + p.from() + "–" + p.to() + " (" + p.note() + ")")
        .collect(java.util.stream.Collectors.joining());
  }

  private static InvoiceRequest.LineRequest line(String description, BigDecimal amount) {
    // Interest and the compensation are not supplies: no VAT.
    return new InvoiceRequest.LineRequest(description, BigDecimal.ONE, amount, BigDecimal.ZERO, null, null);
  }

  private static String interestText(Customer customer, InterestRepository.Candidate c,
                                     InterestCalculator.Period p) {
    String language = customer.language();
    String amount = Money.format(p.principal(), language) + " " + c.currency();
    String rate = p.percent().stripTrailingZeros().toPlainString();
    return switch (language) {
      case "sv" -> "Dröjsmålsränta faktura " + c.invoiceNumber() + ", " + p.from() + "–" + p.to() + ", " + amount
          + " à " + rate + " %";
      case "nb" -> "Forsinkelsesrente faktura " + c.invoiceNumber() + ", " + p.from() + "–" + p.to() + ", " + amount
          + " à " + rate + " %";
      default -> "Late-payment interest, invoice " + c.invoiceNumber() + ", " + p.from() + "–" + p.to() + ", "
          + amount + " at " + rate + " %";
    };
  }

  private static String compensationText(Customer customer, InterestRepository.Candidate c) {
    return "sv".equals(customer.language())
        ? "Förseningsersättning faktura " + c.invoiceNumber() + " (lag 1981:739 om ersättning för inkassokostnader 4 a §)"
        : "Compensation for recovery costs, invoice " + c.invoiceNumber() + " (Swedish Act 1981:739, section 4 a)";
  }
}
