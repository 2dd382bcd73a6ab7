package io.fordra.payment.file;

import com.prowidesoftware.ProwideException;
import io.fordra.kernel.FileRejected.Problem;
import io.fordra.invoice.Currency;
import io.fordra.payment.file.Camt054Binding.Read;
import io.fordra.payment.file.Camt054Binding.Version;
import io.fordra.payment.file.Camt054View.Count;
import io.fordra.payment.file.Camt054View.Details;
import io.fordra.payment.file.Camt054View.Direction;
import io.fordra.payment.file.Camt054View.Entry;
import io.fordra.payment.file.Camt054View.Message;
import io.fordra.payment.file.Camt054View.Money;
import io.fordra.payment.file.Camt054View.Notification;
import io.fordra.payment.file.Camt054View.Summary;
import io.fordra.payment.file.Camt054View.Transaction;
import io.fordra.payment.file.Camt054View.TransactionCode;
import io.fordra.payment.file.Camt054XmlGuard.Checked;
import io.fordra.payment.file.Camt054XmlGuard.Locations;
import io.fordra.payment.file.ParsedPaymentFile.Aside;
import io.fordra.payment.file.ParsedPaymentFile.Aside.Outcome;
import io.fordra.payment.file.ParsedPaymentFile.Format;
import io.fordra.seller.SellerProperties;
import jakarta.xml.bind.ValidationEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Reads an ISO 20022 camt.054 (BankToCustomerDebitCreditNotification) file, every version from camt.054.001.02 to
 * the newest prowide has a model of ({@link Camt054Binding#VERSIONS}, .13 with pw-iso20022 SRU2025), default or
 * prefixed namespace. Liberal in what it reads: an entry that is not a payment to book is kept aside or skipped with
 * its reason; the whole file is refused only when it is corrupt.
 *
 * <ul>
 *   <li>The bytes are first checked with a hardened parser: well-formed XML, no DOCTYPE (so no DTD, no entities, no
 *   XXE). The root must be {@code Document} in a camt.054 namespace; the version comes from the namespace.</li>
 *   <li>prowide (pw-iso20022) reads the business content into its model of that version; a value it cannot read
 *   (bad number, bad date) or an element the version does not have is a problem, and refuses the file.</li>
 *   <li>Every {@code Ntfctn} is read (ISO 20022 puts one per account in a message). An account that is not the
 *   seller's (fordra.seller.iban, bank-account or bankgiro, compared without spaces, dashes and dots, ignoring
 *   case; a domestic account also matches the IBAN that contains it) has its entries kept aside. A seller with no
 *   account configured accepts every account, with a remark. The file's account is the seller's first one.</li>
 *   <li>Which entries are payments: a booked (Sts BOOK) CRDT entry is money in from a customer: one payment per
 *   TxDtls, or one for the entry if it has no TxDtls, or if it has several and not each its amount (then one
 *   payment for the entry amount with the references of all, for matching by hand). A DBIT entry that reverses or
 *   returns an earlier incoming payment (RvslInd true, a BkTxCd sub-family RRTN, RPCR, UPDD or PRDD, or TxDtls with
 *   RtrInf) is a negative payment, so that the money taken back is not lost: the matcher keeps it for a person.</li>
 *   <li>Skipped, with the reason: any other DBIT entry (an outgoing payment, e.g. to a supplier); a CRDT entry that
 *   reverses or returns an earlier debit (by ISO 20022 a CRDT with RvslInd true reverses a debit: money back from
 *   one of the seller's own payments, not a customer's); an entry not booked (PDNG, INFO, FUTR).</li>
 *   <li>Kept aside for a person, with the reason: an entry of an account that is not the seller's; one in a
 *   currency Fordra does not invoice in ({@link Currency}); one whose status Fordra cannot tell (an unknown Sts/Cd,
 *   or Sts/Prtry).</li>
 *   <li>Checks that refuse the file: amount, currency and CdtDbtInd of every entry; booking date of an entry that
 *   becomes a payment; amounts positive; the TxDtls amounts of an entry add up to the entry amount; an id for each
 *   payment (Refs/AcctSvcrRef, Refs/EndToEndId, Refs/UETR, else the entry's AcctSvcrRef); Btch NbOfTxs/TtlAmt;
 *   Ntfctn/TxsSummry counts and sums (TtlNtries, TtlNetNtryAmt, TtlCdtNtries, TtlDbtNtries). The standard counts
 *   all entries, booked or not, Sum is the sum of the amounts and the net total is signed; some banks count only
 *   the booked entries, give the net as Sum or the net without its sign: a summary one of these explains is
 *   accepted with a remark that says which; only one that none explains refuses the file.</li>
 * </ul>
 */
@Component
class Camt054Reader implements PaymentFileReader {

  private static final String ISO_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:";
  private static final String CAMT054 = "camt.054.";
  private static final String ROOT = "/Document/BkToCstmrDbtCdtNtfctn";
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,15}");
  private static final String NOT_PROVIDED = "NOTPROVIDED";
  /** BkTxCd sub-families of a reversal or return (ISO 20022 external bank transaction codes). */
  private static final Set<String> RETURNS = Set.of("RRTN", "RPCR", "UPDD", "PRDD");
  private static final Map<String, String> NOT_BOOKED = Map.of(
      "PDNG", "not booked yet (Sts PDNG): the bank notifies it again when it is booked",
      "INFO", "for information only (Sts INFO), not booked on the account",
      "FUTR", "to be booked in the future (Sts FUTR), not booked yet");
  private static final Map<String, String> OTHER_MESSAGES = Map.of(
      "camt.052", "an account report", "camt.053", "an account statement", "pain.001", "a payment order",
      "pain.002", "a payment status report", "pacs.008", "an interbank credit transfer");

  private final SellerAccounts seller;

  Camt054Reader(SellerProperties seller) {
    this.seller = new SellerAccounts(seller);
  }

  /**
   * Reads the whole stream (not closing it) as a camt.054 file.
   *
   * @throws PaymentFileRejected  with every problem, if the file is corrupt
   * @throws UncheckedIOException if the stream cannot be read
   */
  public ParsedPaymentFile read(InputStream in) {
    try {
      return read(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a camt.054 file.
   *
   * @throws PaymentFileRejected with every problem, if the file is corrupt
   */
  public ParsedPaymentFile read(byte[] content) {
    Checked checked = Camt054XmlGuard.check(content);
    Version version = version(checked);
    Read read;
    try {
      read = Camt054Binding.read(version, checked.text());
    } catch (ProwideException e) {
      throw new PaymentFileRejected("/Document",
          "cannot be read as camt.054." + version.number() + ": " + e.getMessage());
    }
    Problems problems = new Problems();
    events(read.events(), checked, version, problems);
    Reading reading = new Reading(problems, seller);
    String account = reading.message(read.message());
    if (!problems.list.isEmpty()) {
      throw new PaymentFileRejected(problems.list);
    }
    BigDecimal total = reading.payments.stream().map(BankPayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new ParsedPaymentFile(Format.CAMT054, account, reading.payments, total, reading.aside, reading.remarks);
  }

  private static Version version(Checked checked) {
    String where = "/" + checked.rootName();
    String namespace = checked.rootNamespace() == null ? "" : checked.rootNamespace();
    if (!"Document".equals(checked.rootName()) || !namespace.startsWith(ISO_NAMESPACE)) {
      throw new PaymentFileRejected(where, "not an ISO 20022 document: the root element is "
          + (namespace.isEmpty() ? "" : "{" + namespace + "}") + checked.rootName()
          + ", a camt.054 file has Document in namespace " + ISO_NAMESPACE + CAMT054 + "001.NN");
    }
    String message = namespace.substring(ISO_NAMESPACE.length());
    if (!message.startsWith(CAMT054)) {
      String kind = OTHER_MESSAGES.get(message.length() < 8 ? message : message.substring(0, 8));
      throw new PaymentFileRejected(where, "not a camt.054 notification but " + message
          + (kind == null ? "" : ", " + kind));
    }
    Version version = Version.of(message.substring(CAMT054.length()));
    if (version == null) {
      List<Version> versions = Camt054Binding.VERSIONS;
      throw new PaymentFileRejected(where, message + " is not supported, only " + CAMT054
          + versions.get(0).number() + " to " + CAMT054 + versions.get(versions.size() - 1).number());
    }
    return version;
  }

  /** JAXB's complaints while prowide read the file: values it could not read, elements the version does not have. */
  private static void events(List<ValidationEvent> events, Checked checked, Version version, Problems problems) {
    List<ValidationEvent> errors = events.stream().filter(e -> e.getSeverity() != ValidationEvent.WARNING).toList();
    Locations locations = errors.isEmpty() ? null : Camt054XmlGuard.locations(checked.text());
    for (ValidationEvent event : errors) {
      int line = event.getLocator() == null ? -1 : event.getLocator().getLineNumber();
      int column = event.getLocator() == null ? -1 : event.getLocator().getColumnNumber();
      String badValue = locations.endingAt(line, column);
      String unexpected = locations.startingAt(line, column);
      if (badValue != null) {
        problems.unreadable(badValue, "not a valid value: " + rootMessage(event));
      } else if (unexpected != null) {
        problems.add(unexpected, "element not allowed here in camt.054." + version.number());
      } else {
        problems.add("line " + line + ", column " + column, rootMessage(event));
      }
    }
  }

  /** The message of what went wrong, not of JAXB's wrappers around it. */
  private static String rootMessage(ValidationEvent event) {
    Throwable cause = event.getLinkedException();
    while (cause != null && cause.getCause() != null && isJaxb(cause)) {
      cause = cause.getCause();
    }
    return cause == null || cause.getMessage() == null ? event.getMessage() : cause.getMessage();
  }

  private static boolean isJaxb(Throwable throwable) {
    String name = throwable.getClass().getName();
    return name.startsWith("jakarta.xml.bind.") || name.startsWith("org.glassfish.jaxb.")
        || name.startsWith("com.sun.xml.bind.");
  }

  /** The problems found so far. */
  private static final class Problems {

    private final List<Problem> list = new ArrayList<>();
    /** Where JAXB could not read a value: prowide's model has null there, which is not "missing". */
    private final Set<String> unreadable = new HashSet<>();

    void add(String location, String reason) {
      list.add(new Problem(location, reason));
    }

    void unreadable(String location, String reason) {
      add(location, reason);
      unreadable.add(location);
    }

    /** A value that is null in the model: missing, unless JAXB already said it could not read it (or a part). */
    void missing(String location, String reason) {
      if (unreadable.stream().noneMatch(at -> at.equals(location) || at.startsWith(location + "/"))) {
        add(location, reason);
      }
    }
  }

  /**
   * The seller's own accounts (fordra.seller.iban, bank-account, bankgiro), normalised: without spaces, dashes and
   * dots, in capitals. An account matches if it is one of them, or is an IBAN whose domestic part (after country
   * and check digits) is one of them, or one of them is an IBAN whose domestic part it is.
   */
  static final class SellerAccounts {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]+");
    private final Set<String> accounts = new LinkedHashSet<>();

    SellerAccounts(SellerProperties seller) {
      if (seller != null) {
        Stream.of(seller.iban(), seller.bankAccount(), seller.bankgiro()).map(SellerAccounts::normalise)
            .filter(Objects::nonNull).forEach(accounts::add);
      }
    }

    boolean none() {
      return accounts.isEmpty();
    }

    boolean owns(String account) {
      String normalised = normalise(account);
      if (normalised == null) {
        return false;
      }
      return accounts.contains(normalised) || accounts.contains(domestic(normalised))
          || accounts.stream().anyMatch(own -> normalised.equals(domestic(own)));
    }

    /** The domestic part of an IBAN (its BBAN), or null if the account is not an IBAN. */
    private static String domestic(String account) {
      return IBAN.matcher(account).matches() ? account.substring(4) : null;
    }

    private static String normalise(String account) {
      if (account == null) {
        return null;
      }
      String normalised = account.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
      return normalised.isEmpty() ? null : normalised;
    }
  }

  /** One read: checks the model and collects the payments, what is kept aside or skipped, and remarks. */
  private static final class Reading {

    private final Problems problems;
    private final SellerAccounts seller;
    private final List<BankPayment> payments = new ArrayList<>();
    private final List<Aside> aside = new ArrayList<>();
    private final List<String> remarks = new ArrayList<>();

    Reading(Problems problems, SellerAccounts seller) {
      this.problems = problems;
      this.seller = seller;
    }

    /** Reads every notification; returns the seller's (first) account, else the file's first account. */
    String message(Message message) {
      if (message.notifications() == null) {
        problems.missing(ROOT, "missing: no BkToCstmrDbtCdtNtfctn in the Document");
        return null;
      }
      if (message.notifications().isEmpty()) {
        problems.add(ROOT, "no Ntfctn: the file notifies nothing");
        return null;
      }
      if (seller.none()) {
        remarks.add("The seller has no account configured (fordra.seller.iban, bank-account, bankgiro): the entries "
            + "of every account in the file are read as the seller's.");
      }
      String first = null;
      String sellers = null;
      for (int i = 0; i < message.notifications().size(); i++) {
        Notification notification = message.notifications().get(i);
        String path = ROOT + "/Ntfctn[" + (i + 1) + "]";
        String account = notification.account();
        String notOurs = null;
        if (account == null) {
          problems.add(path + "/Acct/Id", "missing account: neither IBAN nor Othr/Id");
        } else if (seller.none() || seller.owns(account)) {
          sellers = sellers == null ? account : sellers;
        } else {
          notOurs = "account " + account + " is not the seller's";
        }
        first = first == null ? account : first;
        notification(notification, path, notOurs);
      }
      return sellers != null ? sellers : first;
    }

    private void notification(Notification notification, String path, String notOurs) {
      List<Money> amounts = new ArrayList<>();
      List<Boolean> booked = new ArrayList<>();
      for (int j = 0; j < notification.entries().size(); j++) {
        Entry entry = notification.entries().get(j);
        amounts.add(entry(entry, path + "/Ntry[" + (j + 1) + "]", notOurs));
        booked.add("BOOK".equals(entry.status()));
      }
      if (notification.summary() != null) {
        new SummaryCheck(notification.summary(), notification.entries(), amounts, booked, path + "/TxsSummry")
            .check();
      }
    }

    /** Checks an entry and books, keeps aside or skips it; returns its amount if usable, else null. */
    private Money entry(Entry entry, String path, String notOurs) {
      Money amount = money(entry.amount(), path + "/Amt", "amount");
      if (entry.direction() == null) {
        problems.missing(path + "/CdtDbtInd", "missing CdtDbtInd, or not CRDT or DBIT");
      }
      String unbooked = unbooked(entry, path);
      if (amount == null || entry.direction() == null || unbooked == null) {
        return amount;
      }
      if (notOurs != null) {
        aside(entry, path, Outcome.KEPT_ASIDE, notOurs);
        return amount;
      }
      if (!unbooked.isEmpty()) {
        // PDNG, INFO, FUTR: no money yet; a status Fordra cannot tell: a person looks
        boolean notYet = entry.status() != null && NOT_BOOKED.containsKey(entry.status());
        aside(entry, path, notYet ? Outcome.SKIPPED : Outcome.KEPT_ASIDE, unbooked);
        return amount;
      }
      String reversed = reversal(entry);
      if (entry.direction() == Direction.CRDT && reversed != null) {
        aside(entry, path, Outcome.SKIPPED, reversed + " of an earlier debit: money back from one of the seller's "
            + "own payments, not a customer payment");
        return amount;
      }
      if (entry.direction() == Direction.DBIT && reversed == null) {
        aside(entry, path, Outcome.SKIPPED, "outgoing payment (DBIT): money out of the account, not a customer "
            + "payment");
        return amount;
      }
      if (Arrays.stream(Currency.values()).noneMatch(c -> c.name().equals(amount.currency()))) {
        aside(entry, path, Outcome.KEPT_ASIDE, "currency " + amount.currency() + " is not one Fordra invoices in");
        return amount;
      }
      if (entry.bookingDate() == null) {
        problems.missing(path + "/BookgDt", "missing booking date (BookgDt/Dt or BookgDt/DtTm) of a booked entry");
      }
      payments(entry, amount, path);
      return amount;
    }

    /**
     * "" if the entry is booked (Sts BOOK); the reason it is not (PDNG, INFO, FUTR; a status Fordra cannot tell);
     * null if the status is missing (a problem).
     */
    private String unbooked(Entry entry, String path) {
      if (entry.status() != null) {
        if ("BOOK".equals(entry.status())) {
          return "";
        }
        return NOT_BOOKED.getOrDefault(entry.status(), "unknown status " + entry.status()
            + " (BOOK, PDNG, INFO or FUTR): cannot tell whether the entry is booked");
      }
      if (entry.proprietaryStatus() != null) {
        return "proprietary status " + entry.proprietaryStatus() + ": cannot tell whether the entry is booked";
      }
      problems.missing(path + "/Sts", "missing status, or not BOOK, PDNG or INFO");
      return null;
    }

    /** How the entry says it reverses or returns an earlier one, or null if it does not. */
    private static String reversal(Entry entry) {
      String direction = entry.direction().name();
      if (entry.reversal()) {
        return "reversal (" + direction + " with RvslInd)";
      }
      List<TransactionCode> codes = new ArrayList<>();
      codes.add(entry.code());
      entry.details().stream().flatMap(d -> d.transactions().stream()).forEach(tx -> codes.add(tx.code()));
      for (TransactionCode code : codes) {
        if (code != null && code.subFamily() != null && RETURNS.contains(code.subFamily())) {
          return "return (" + direction + ", BkTxCd " + code + ")";
        }
      }
      if (entry.details().stream().flatMap(d -> d.transactions().stream()).anyMatch(Transaction::returned)) {
        return "return (" + direction + " with RtrInf)";
      }
      return null;
    }

    private void aside(Entry entry, String path, Outcome outcome, String reason) {
      Money amount = entry.amount();
      aside.add(new Aside(path.substring(ROOT.length() + 1), outcome, amount == null ? null : amount.value(),
          amount == null ? null : amount.currency(), entryId(entry), reason));
    }

    /** The entry's AcctSvcrRef, else the id of its only transaction, else null. */
    private static String entryId(Entry entry) {
      String id = text(entry.accountServicerReference());
      List<Transaction> transactions = entry.details().stream().flatMap(d -> d.transactions().stream()).toList();
      return id != null || transactions.size() != 1 ? id : ownId(transactions.get(0));
    }

    /** Refs/AcctSvcrRef, else Refs/EndToEndId unless NOTPROVIDED, else Refs/UETR; null if none. */
    private static String ownId(Transaction tx) {
      String id = text(tx.accountServicerReference());
      if (id == null) {
        id = text(tx.endToEndId());
        if (NOT_PROVIDED.equalsIgnoreCase(id)) {
          id = null;
        }
      }
      return id != null ? id : text(tx.uetr());
    }

    /** The payments of a booked entry that is money in (or a reversal of it). */
    private void payments(Entry entry, Money amount, String path) {
      List<Transaction> transactions = entry.details().stream().flatMap(d -> d.transactions().stream()).toList();
      int count = transactions.size();
      if (count == 0) {
        String id = text(entry.accountServicerReference());
        if (id == null) {
          problems.add(path + "/AcctSvcrRef", "missing: an entry without TxDtls needs its AcctSvcrRef as id");
        }
        pay(id, amount, entry.direction(), entry, List.of(), path);
        return;
      }
      if (count > 1 && transactions.stream().anyMatch(tx -> tx.amount() == null && tx.transactionAmount() == null)) {
        entryPayment(entry, amount, transactions, path);
        return;
      }
      BigDecimal sum = BigDecimal.ZERO;
      int number = 0;
      for (int d = 0; d < entry.details().size(); d++) {
        Details details = entry.details().get(d);
        String detailsPath = path + "/NtryDtls[" + (d + 1) + "]";
        BigDecimal detailsSum = BigDecimal.ZERO;
        for (int t = 0; t < details.transactions().size(); t++) {
          number++;
          String txPath = detailsPath + "/TxDtls[" + (t + 1) + "]";
          Transaction tx = details.transactions().get(t);
          Money txAmount = transactionAmount(tx, amount, txPath);
          Direction direction = tx.direction() != null ? tx.direction() : entry.direction();
          BigDecimal signed = txAmount == null ? null
              : direction == entry.direction() ? txAmount.value() : txAmount.value().negate();
          sum = sum == null || signed == null ? null : sum.add(signed);
          detailsSum = detailsSum == null || signed == null ? null : detailsSum.add(signed);
          pay(transactionId(tx, entry, number, txPath), txAmount, direction, entry, List.of(tx), txPath);
        }
        batch(details, detailsSum, entry.direction(), detailsPath + "/Btch");
      }
      if (sum != null && sum.compareTo(amount.value()) != 0) {
        problems.add(path, "the TxDtls amounts add up to " + sum.toPlainString() + ", the entry amount is "
            + amount.value().toPlainString());
      }
    }

    /**
     * Several TxDtls, not each with its amount: one payment for the entry amount, with the references and texts of
     * all, for a person to split. Its id is the entry's AcctSvcrRef, else the first transaction's.
     */
    private void entryPayment(Entry entry, Money amount, List<Transaction> transactions, String path) {
      String id = text(entry.accountServicerReference());
      for (int t = 0; id == null && t < transactions.size(); t++) {
        id = ownId(transactions.get(t));
      }
      if (id == null) {
        problems.add(path + "/AcctSvcrRef", "no id: neither the entry's AcctSvcrRef nor its transactions' Refs");
      }
      for (int d = 0; d < entry.details().size(); d++) {
        batch(entry.details().get(d), null, entry.direction(), path + "/NtryDtls[" + (d + 1) + "]/Btch");
      }
      pay(id, amount, entry.direction(), entry, transactions, path);
    }

    /** TxDtls/Amt, else AmtDtls/TxAmt/Amt, else the entry's amount (the entry has only this transaction). */
    private Money transactionAmount(Transaction tx, Money entryAmount, String path) {
      Money amount;
      String amountPath;
      if (tx.amount() != null) {
        amountPath = path + "/Amt";
        amount = money(tx.amount(), amountPath, "amount");
      } else if (tx.transactionAmount() != null) {
        amountPath = path + "/AmtDtls/TxAmt/Amt";
        amount = money(tx.transactionAmount(), amountPath, "amount");
      } else {
        return entryAmount;
      }
      if (amount != null && !amount.currency().equals(entryAmount.currency())) {
        problems.add(amountPath + "/@Ccy", "currency " + amount.currency() + " differs from the entry's "
            + entryAmount.currency());
        return null;
      }
      return amount;
    }

    /** The transaction's own id, else Ntry/AcctSvcrRef + "/" + its number in the entry. */
    private String transactionId(Transaction tx, Entry entry, int number, String path) {
      String id = ownId(tx);
      if (id == null && text(entry.accountServicerReference()) != null) {
        id = text(entry.accountServicerReference()) + "/" + number;
      }
      if (id == null) {
        problems.add(path + "/Refs", "no id: neither Refs/AcctSvcrRef, Refs/EndToEndId, Refs/UETR nor the entry's "
            + "AcctSvcrRef");
      }
      return id;
    }

    private void batch(Details details, BigDecimal sum, Direction entryDirection, String path) {
      if (details.batch() == null) {
        return;
      }
      Integer stated = number(details.batch().numberOfTransactions(), path + "/NbOfTxs");
      int count = details.transactions().size();
      if (stated != null && count > 0 && stated != count) {
        problems.add(path + "/NbOfTxs", "says " + stated + " transactions, the NtryDtls has " + count + " TxDtls");
      }
      Money total = details.batch().total() == null ? null : money(details.batch().total(), path + "/TtlAmt", "total");
      if (total != null && sum != null && count > 0) {
        Direction direction = details.batch().direction() == null ? entryDirection : details.batch().direction();
        BigDecimal expected = direction == entryDirection ? sum : sum.negate();
        if (expected.compareTo(total.value()) != 0) {
          problems.add(path + "/TtlAmt", "says " + total.value().toPlainString() + ", the TxDtls add up to "
              + expected.toPlainString());
        }
      }
    }

    /**
     * TxsSummry against the entries of the notification. The standard's arithmetic first (all entries, Sum of the
     * amounts, signed net); then the ways some banks count; the first that explains every figure is taken.
     */
    private final class SummaryCheck {

      private final Summary summary;
      private final List<Entry> entries;
      private final List<Money> amounts;
      private final List<Boolean> booked;
      private final String path;
      private final boolean amountsKnown;
      private final boolean directionsKnown;

      SummaryCheck(Summary summary, List<Entry> entries, List<Money> amounts, List<Boolean> booked, String path) {
        this.summary = summary;
        this.entries = entries;
        this.amounts = amounts;
        this.booked = booked;
        this.path = path;
        this.amountsKnown = amounts.stream().allMatch(Objects::nonNull);
        this.directionsKnown = entries.stream().allMatch(e -> e.direction() != null);
      }

      void check() {
        List<Problem> standard = mismatches(false, false, false);
        if (standard.isEmpty()) {
          return;
        }
        for (boolean bookedOnly : List.of(false, true)) {
          for (boolean sumIsNet : List.of(false, true)) {
            for (boolean unsignedNet : List.of(false, true)) {
              if (mismatches(bookedOnly, sumIsNet, unsignedNet).isEmpty()) {
                remark(bookedOnly, sumIsNet, unsignedNet);
                return;
              }
            }
          }
        }
        standard.forEach(p -> problems.add(p.location(), p.reason()));
      }

      private void remark(boolean bookedOnly, boolean sumIsNet, boolean unsignedNet) {
        List<String> ways = new ArrayList<>();
        if (bookedOnly) {
          ways.add("counts only the booked entries (ISO 20022: all entries, booked or not)");
        }
        if (sumIsNet) {
          ways.add("gives the net amount as TtlNtries/Sum (ISO 20022: the sum of all amounts)");
        }
        if (unsignedNet) {
          ways.add("gives the net amount without its sign (ISO 20022: with CdtDbtInd)");
        }
        remarks.add(path.substring(ROOT.length() + 1) + " " + String.join(" and ", ways)
            + ", as some banks do; accepted, the figures agree counted that way.");
      }

      private List<Problem> mismatches(boolean bookedOnly, boolean sumIsNet, boolean unsignedNet) {
        List<Problem> found = new ArrayList<>();
        Predicate<Integer> counted = i -> !bookedOnly || booked.get(i);
        if (summary.all() != null) {
          count(summary.all(), "/TtlNtries", counted, sumIsNet, found);
        }
        if (directionsKnown) {
          if (summary.credits() != null) {
            count(summary.credits(), "/TtlCdtNtries",
                i -> counted.test(i) && entries.get(i).direction() == Direction.CRDT, false, found);
          }
          if (summary.debits() != null) {
            count(summary.debits(), "/TtlDbtNtries",
                i -> counted.test(i) && entries.get(i).direction() == Direction.DBIT, false, found);
          }
        }
        var net = summary.net();
        if (net != null && net.amount() != null && amountsKnown && directionsKnown) {
          BigDecimal computed = net(counted);
          BigDecimal stated = net.direction() == Direction.DBIT ? net.amount().negate() : net.amount();
          boolean agrees = net.direction() == null || unsignedNet ? stated.abs().compareTo(computed.abs()) == 0
              : stated.compareTo(computed) == 0;
          if (!agrees) {
            found.add(new Problem(path + "/TtlNtries/" + net.element(), "says " + net.amount().toPlainString()
                + (net.direction() == null ? "" : " " + net.direction()) + ", the entries' net is "
                + computed.abs().toPlainString() + (computed.signum() < 0 ? " DBIT" : " CRDT")));
          }
        }
        return found;
      }

      /** Credits minus debits of the counted entries. */
      private BigDecimal net(Predicate<Integer> counted) {
        BigDecimal net = BigDecimal.ZERO;
        for (int i = 0; i < entries.size(); i++) {
          if (counted.test(i)) {
            BigDecimal value = amounts.get(i).value();
            net = net.add(entries.get(i).direction() == Direction.CRDT ? value : value.negate());
          }
        }
        return net;
      }

      private void count(Count count, String element, Predicate<Integer> which, boolean sumIsNet,
                         List<Problem> found) {
        int number = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < entries.size(); i++) {
          if (which.test(i)) {
            number++;
            sum = amountsKnown ? sum.add(amounts.get(i).value()) : null;
          }
        }
        if (sumIsNet && amountsKnown && directionsKnown) {
          sum = net(which).abs();
        }
        Integer stated = number(count.number(), path + element + "/NbOfNtries");
        if (stated != null && stated != number) {
          found.add(new Problem(path + element + "/NbOfNtries", "says " + stated + " entries, the notification has "
              + number));
        }
        if (count.sum() != null && sum != null && count.sum().compareTo(sum) != 0) {
          found.add(new Problem(path + element + "/Sum", "says " + count.sum().toPlainString()
              + ", the entries add up to " + sum.toPlainString()));
        }
      }
    }

    /** A number element (NbOfNtries, NbOfTxs): null if absent or not a number (reported once). */
    private Integer number(String text, String path) {
      if (text == null) {
        return null;
      }
      if (!NUMBER.matcher(text.trim()).matches()) {
        if (problems.list.stream().noneMatch(p -> p.location().equals(path))) {
          problems.add(path, "not a number: " + text);
        }
        return null;
      }
      return Integer.valueOf(text.trim());
    }

    /** The amount if usable: present, positive, with an ISO 4217 currency; else null and the problems noted. */
    private Money money(Money money, String path, String what) {
      if (money == null || money.value() == null) {
        problems.missing(path, "missing " + what);
        return null;
      }
      boolean usable = true;
      if (money.currency() == null) {
        problems.add(path + "/@Ccy", "missing currency");
        usable = false;
      } else if (!CURRENCY.matcher(money.currency()).matches()) {
        problems.add(path + "/@Ccy", "not an ISO 4217 currency code: " + money.currency());
        usable = false;
      }
      if (money.value().signum() <= 0) {
        problems.add(path, what + " must be positive (CdtDbtInd says in or out), not " + money.value().toPlainString());
        usable = false;
      }
      return usable ? money : null;
    }

    /** Adds the payment if nothing it needs is missing (what is missing has been reported). */
    private void pay(String id, Money amount, Direction direction, Entry entry, List<Transaction> transactions,
                     String path) {
      if (id == null || amount == null || direction == null || entry.bookingDate() == null) {
        return;
      }
      List<String> references = transactions.stream().flatMap(tx -> lines(tx.references()).stream()).toList();
      List<String> unstructured = transactions.stream().flatMap(tx -> lines(tx.unstructured()).stream()).toList();
      List<String> payers = transactions.stream().map(tx -> text(tx.payerName())).filter(Objects::nonNull).distinct()
          .toList();
      payments.add(new BankPayment(id, direction == Direction.DBIT ? amount.value().negate() : amount.value(),
          amount.currency(), entry.bookingDate(), references,
          unstructured.isEmpty() ? null : String.join("\n", unstructured), payers.size() == 1 ? payers.get(0) : null,
          null, path.substring(ROOT.length() + 1)));
    }

    private static List<String> lines(List<String> texts) {
      return texts.stream().map(Reading::text).filter(Objects::nonNull).toList();
    }

    private static String text(String text) {
      return text == null || text.isBlank() ? null : text.strip();
    }
  }
}
