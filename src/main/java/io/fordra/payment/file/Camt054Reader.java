package io.fordra.payment.file;

import com.prowidesoftware.ProwideException;
import io.fordra.kernel.FileRejected.Problem;
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
import io.fordra.payment.file.Camt054XmlGuard.Checked;
import io.fordra.payment.file.Camt054XmlGuard.Locations;
import io.fordra.payment.file.ParsedPaymentFile.Format;
import jakarta.xml.bind.ValidationEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads an ISO 20022 camt.054 (BankToCustomerDebitCreditNotification) file, versions camt.054.001.02 and .08, into
 * the payments of its booked entries. Whole file or nothing: any problem rejects the file with every problem found.
 *
 * <ul>
 *   <li>The bytes are first checked with a hardened parser: well-formed XML, no DOCTYPE (so no DTD, no entities, no
 *   XXE). The root must be {@code Document} in a camt.054 namespace; the version comes from the namespace.</li>
 *   <li>prowide (pw-iso20022) reads the business content into its model of that version; a value it cannot read
 *   (bad number, bad date) or an element the version does not have is a problem.</li>
 *   <li>Each booked entry (Sts BOOK) gives one payment per TxDtls, or one for the entry if it has no TxDtls. Entries
 *   not booked (PDNG, INFO, FUTR) are skipped: they are no payments yet. CRDT is money in (positive), DBIT money
 *   out (negative, e.g. the reversal of an earlier payment); RvslInd does not change the sign: by ISO 20022 a CRDT
 *   with RvslInd true reverses a debit and is money in.</li>
 *   <li>Checks: amount, currency and CdtDbtInd of every entry, booking date of booked ones; amounts positive; the
 *   TxDtls amounts of an entry add up to the entry amount; Btch NbOfTxs/TtlAmt; Ntfctn/TxsSummry counts and sums
 *   (TtlNtries, TtlNetNtryAmt, TtlCdtNtries, TtlDbtNtries) over all entries, booked or not.</li>
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
  private static final Map<String, String> OTHER_MESSAGES = Map.of(
      "camt.052", "an account report", "camt.053", "an account statement", "pain.001", "a payment order",
      "pain.002", "a payment status report", "pacs.008", "an interbank credit transfer");

  /**
   * Reads the whole stream (not closing it) as a camt.054 file.
   *
   * @throws PaymentFileRejected  with every problem, if the file is not a correct camt.054 notification
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
   * @throws PaymentFileRejected with every problem, if the file is not a correct camt.054 notification
   */
  public ParsedPaymentFile read(byte[] content) {
    Checked checked = Camt054XmlGuard.check(content);
    Version version = version(checked);
    Read read;
    try {
      read = Camt054Binding.read(version, checked.text());
    } catch (ProwideException e) {
      throw new PaymentFileRejected("/Document",
          "cannot be read as camt.054." + version.number + ": " + e.getMessage());
    }
    Problems problems = new Problems();
    events(read.events(), checked, version, problems);
    Reading reading = new Reading(problems);
    String account = reading.message(read.message());
    if (!problems.list.isEmpty()) {
      throw new PaymentFileRejected(problems.list);
    }
    BigDecimal total = reading.payments.stream().map(BankPayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new ParsedPaymentFile(Format.CAMT054, account, reading.payments, total);
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
      throw new PaymentFileRejected(where, message + " is not supported, only "
          + Arrays.stream(Version.values()).map(v -> CAMT054 + v.number).collect(Collectors.joining(" and ")));
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
        problems.add(unexpected, "element not allowed here in camt.054." + version.number);
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

  /** One read: checks the model and collects the payments. */
  private static final class Reading {

    private final Problems problems;
    private final List<BankPayment> payments = new ArrayList<>();

    Reading(Problems problems) {
      this.problems = problems;
    }

    /** Reads every notification; returns the account they are about. */
    String message(Message message) {
      if (message.notifications() == null) {
        problems.missing(ROOT, "missing: no BkToCstmrDbtCdtNtfctn in the Document");
        return null;
      }
      if (message.notifications().isEmpty()) {
        problems.add(ROOT, "no Ntfctn: the file notifies nothing");
        return null;
      }
      String account = null;
      for (int i = 0; i < message.notifications().size(); i++) {
        Notification notification = message.notifications().get(i);
        String path = ROOT + "/Ntfctn[" + (i + 1) + "]";
        if (notification.account() == null) {
          problems.add(path + "/Acct/Id", "missing account: neither IBAN nor Othr/Id");
        } else if (account == null) {
          account = notification.account();
        } else if (!account.equals(notification.account())) {
          problems.add(path + "/Acct/Id", "account " + notification.account() + " differs from the first Ntfctn's "
              + account + ": a file must be about one account");
        }
        notification(notification, path);
      }
      return account;
    }

    private void notification(Notification notification, String path) {
      List<Money> amounts = new ArrayList<>();
      for (int j = 0; j < notification.entries().size(); j++) {
        amounts.add(entry(notification.entries().get(j), path + "/Ntry[" + (j + 1) + "]"));
      }
      if (notification.summary() != null) {
        summary(notification.summary(), notification.entries(), amounts, path + "/TxsSummry");
      }
    }

    /** Checks an entry and adds its payments if it is booked; returns its amount if usable, else null. */
    private Money entry(Entry entry, String path) {
      Money amount = money(entry.amount(), path + "/Amt", "amount");
      if (entry.direction() == null) {
        problems.missing(path + "/CdtDbtInd", "missing CdtDbtInd, or not CRDT or DBIT");
      }
      if (!booked(entry, path)) {
        return amount;
      }
      if (entry.bookingDate() == null) {
        problems.missing(path + "/BookgDt", "missing booking date (BookgDt/Dt or BookgDt/DtTm) of a booked entry");
      }
      int count = entry.details().stream().mapToInt(d -> d.transactions().size()).sum();
      if (count == 0) {
        String id = text(entry.accountServicerReference());
        if (id == null) {
          problems.add(path + "/AcctSvcrRef", "missing: an entry without TxDtls needs its AcctSvcrRef as id");
        }
        pay(id, amount, entry.direction(), entry, null, path);
        return amount;
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
          Money txAmount = transactionAmount(tx, amount, count, txPath);
          Direction direction = tx.direction() != null ? tx.direction() : entry.direction();
          BigDecimal signed = txAmount == null || direction == null || entry.direction() == null ? null
              : direction == entry.direction() ? txAmount.value() : txAmount.value().negate();
          sum = sum == null || signed == null ? null : sum.add(signed);
          detailsSum = detailsSum == null || signed == null ? null : detailsSum.add(signed);
          pay(transactionId(tx, entry, number, txPath), txAmount, direction, entry, tx, txPath);
        }
        batch(details, detailsSum, entry.direction(), detailsPath + "/Btch");
      }
      if (sum != null && amount != null && sum.compareTo(amount.value()) != 0) {
        problems.add(path, "the TxDtls amounts add up to " + sum.toPlainString() + ", the entry amount is "
            + amount.value().toPlainString());
      }
      return amount;
    }

    /** Sts: BOOK is booked; PDNG, INFO and FUTR are not (skipped); anything else is a problem. */
    private boolean booked(Entry entry, String path) {
      if (entry.status() != null) {
        switch (entry.status()) {
          case "BOOK":
            return true;
          case "PDNG", "INFO", "FUTR":
            return false;
          default:
            problems.add(path + "/Sts/Cd", "unknown status " + entry.status() + " (BOOK, PDNG, INFO or FUTR)");
            return false;
        }
      }
      if (entry.proprietaryStatus() != null) {
        problems.add(path + "/Sts/Prtry", "proprietary status " + entry.proprietaryStatus()
            + ": cannot tell whether the entry is booked");
        return false;
      }
      problems.missing(path + "/Sts", "missing status, or not BOOK, PDNG or INFO");
      return false;
    }

    /** TxDtls/Amt, else AmtDtls/TxAmt/Amt, else the entry's amount if the entry has only this transaction. */
    private Money transactionAmount(Transaction tx, Money entryAmount, int count, String path) {
      Money amount;
      String amountPath;
      if (tx.amount() != null) {
        amountPath = path + "/Amt";
        amount = money(tx.amount(), amountPath, "amount");
      } else if (tx.transactionAmount() != null) {
        amountPath = path + "/AmtDtls/TxAmt/Amt";
        amount = money(tx.transactionAmount(), amountPath, "amount");
      } else {
        if (count > 1) {
          problems.add(path, "missing amount (Amt or AmtDtls/TxAmt/Amt): the entry has " + count + " TxDtls");
        }
        return count > 1 ? null : entryAmount;
      }
      if (amount != null && entryAmount != null && !amount.currency().equals(entryAmount.currency())) {
        problems.add(amountPath + "/@Ccy", "currency " + amount.currency() + " differs from the entry's "
            + entryAmount.currency());
        return null;
      }
      return amount;
    }

    /** Refs/AcctSvcrRef, else Refs/EndToEndId unless NOTPROVIDED, else Ntry/AcctSvcrRef + "/" + its number. */
    private String transactionId(Transaction tx, Entry entry, int number, String path) {
      String id = text(tx.accountServicerReference());
      if (id == null) {
        id = text(tx.endToEndId());
        if (NOT_PROVIDED.equalsIgnoreCase(id)) {
          id = null;
        }
      }
      if (id == null && text(entry.accountServicerReference()) != null) {
        id = text(entry.accountServicerReference()) + "/" + number;
      }
      if (id == null) {
        problems.add(path + "/Refs", "no id: neither Refs/AcctSvcrRef, Refs/EndToEndId nor the entry's AcctSvcrRef");
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

    /** TxsSummry against all the entries of the notification, booked or not. */
    private void summary(Summary summary, List<Entry> entries, List<Money> amounts, String path) {
      boolean amountsKnown = amounts.stream().allMatch(Objects::nonNull);
      boolean directionsKnown = entries.stream().allMatch(e -> e.direction() != null);
      if (summary.all() != null) {
        count(summary.all(), path + "/TtlNtries", entries, amounts, e -> true, amountsKnown);
      }
      if (directionsKnown) {
        if (summary.credits() != null) {
          count(summary.credits(), path + "/TtlCdtNtries", entries, amounts, e -> e.direction() == Direction.CRDT,
              amountsKnown);
        }
        if (summary.debits() != null) {
          count(summary.debits(), path + "/TtlDbtNtries", entries, amounts, e -> e.direction() == Direction.DBIT,
              amountsKnown);
        }
      }
      var net = summary.net();
      if (net != null && net.amount() != null && amountsKnown && directionsKnown) {
        BigDecimal computed = BigDecimal.ZERO;
        for (int i = 0; i < entries.size(); i++) {
          BigDecimal value = amounts.get(i).value();
          computed = computed.add(entries.get(i).direction() == Direction.CRDT ? value : value.negate());
        }
        BigDecimal stated = net.direction() == Direction.DBIT ? net.amount().negate() : net.amount();
        if (net.direction() == null) {
          computed = computed.abs();
        }
        if (stated.compareTo(computed) != 0) {
          problems.add(path + "/TtlNtries/" + net.element(), "says " + net.amount().toPlainString()
              + (net.direction() == null ? "" : " " + net.direction()) + ", the entries' net is "
              + computed.abs().toPlainString() + (computed.signum() < 0 ? " DBIT" : " CRDT"));
        }
      }
    }

    private void count(Count count, String path, List<Entry> entries, List<Money> amounts, Predicate<Entry> which,
                       boolean amountsKnown) {
      int number = 0;
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = 0; i < entries.size(); i++) {
        if (which.test(entries.get(i))) {
          number++;
          sum = amountsKnown ? sum.add(amounts.get(i).value()) : null;
        }
      }
      Integer stated = number(count.number(), path + "/NbOfNtries");
      if (stated != null && stated != number) {
        problems.add(path + "/NbOfNtries", "says " + stated + " entries, the notification has " + number);
      }
      if (count.sum() != null && amountsKnown && count.sum().compareTo(sum) != 0) {
        problems.add(path + "/Sum", "says " + count.sum().toPlainString() + ", the entries add up to "
            + sum.toPlainString());
      }
    }

    /** A number element (NbOfNtries, NbOfTxs): null if absent or a problem. */
    private Integer number(String text, String path) {
      if (text == null) {
        return null;
      }
      if (!NUMBER.matcher(text.trim()).matches()) {
        problems.add(path, "not a number: " + text);
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
    private void pay(String id, Money amount, Direction direction, Entry entry, Transaction tx, String path) {
      if (id == null || amount == null || direction == null || entry.bookingDate() == null) {
        return;
      }
      List<String> references = tx == null ? List.of() : lines(tx.references());
      List<String> unstructured = tx == null ? List.of() : lines(tx.unstructured());
      payments.add(new BankPayment(id, direction == Direction.DBIT ? amount.value().negate() : amount.value(),
          amount.currency(), entry.bookingDate(), references,
          unstructured.isEmpty() ? null : String.join("\n", unstructured), tx == null ? null : text(tx.payerName()),
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
