package io.fordra.payment.file;

import io.fordra.kernel.FileRejected.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads a Bankgirot BgMax file (Bankgiro Inbetalningar): ISO-8859-1, records of 80 characters, LF or CRLF.
 *
 * <p>The file is parsed completely and checked; it is refused whole, with every problem found
 * ({@link PaymentFileRejected}, each problem at "line N"), only where it is corrupt or not BgMax: the first record is
 * a 01 start record with layout BGMAX version 01, a valid time stamp and test marker T or P; the last record is a 70
 * end record and nothing follows it; no record is longer than 80 characters or cut short; the transaction code is
 * known; numeric fields are numeric and dates valid; 20/21 payments stand inside a 05..15 deposit section and 22..29
 * records after a 20/21; every 15 deposit record has the currency of its 05, counts the section's 20 and 21 records
 * and carries their sum (20s minus 21s); the 70 counts equal the file's 20, 21, 22+23 and 15 records.
 *
 * <p>Read, with a remark on the file (issue 16: files as Bankgirot's own example files and editors leave them): a
 * record whose trailing blanks were trimmed (shorter than 80, not ending in a blank: padded again, a field cut off
 * shows as a problem); a file without line breaks (cut into records of 80) or with CR line ends; tabs (expanded to
 * every 8th column); a sender bankgiro padded with blanks instead of zeros; a BGC serial number that several payments
 * share (their ids are made unique, see below).
 *
 * <p>Choices where the format leaves room (checked against Bankgirot's own example files): a 15's number of
 * payments counts 20 and 21 records, while the 70 counts 20s and 21s apart; 22/23 extra references split the
 * payment's amount (the 20/21 carries the whole amount, so their amounts do not add to the deposit and may be
 * zero); a 20/21 with reference code 3 may list several references separated by blanks, commas, semicolons, colons
 * or slashes in its own reference field; a reference that was already given is not repeated.
 *
 * <p>Mapping: the account is the first 05's receiving bankgiro number without its zero padding (0050501055 gives
 * 50501055); a payment's bank transaction id is "BG" + that of its own 05 + "-" + its BGC serial number, and where
 * several payments of the file share that, + "-" + its deposit's payment date (yyyyMMdd) + "-" + its deposit serial
 * number (15, positions 46-50), + "-2", "-3" … for the second, third … within one deposit; its amount is in kronor
 * with scale 2, negative for a 21 (whatever its deduction code); its booking date is the payment date of its
 * section's 15; its currency that of its 05 (SEK or EUR); references as above, trimmed, OCR numbers with their
 * leading zeros; remittance text the non-blank 25 records joined by a line break; payer name the first 26's name and
 * extra name; payer organisation number the 29's, as given. A test file (marker T) is read like a production file.
 */
@Component
class BgMaxReader {

  static final int RECORD_LENGTH = 80;
  /** A bank transaction id made unique with its deposit: the id alone is group 1. */
  private static final Pattern WITH_DEPOSIT = Pattern.compile("(BG\\d+-\\d+)-\\d{8}-\\d{5}(-\\d+)?");

  /**
   * The id a payment whose id adds its deposit (its BGC serial number shared in its file) would have had in a file
   * where it was alone ("BG" + bankgiro + "-" + serial); empty for any other id.
   */
  static Optional<String> idAlone(String bankTransactionId) {
    Matcher m = WITH_DEPOSIT.matcher(bankTransactionId);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  public ParsedPaymentFile read(InputStream in) {
    try {
      return read(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the BgMax file", e);
    }
  }

  public ParsedPaymentFile read(byte[] content) {
    Remarks remarks = new Remarks();
    return new Parse(records(new String(content, StandardCharsets.ISO_8859_1), remarks), remarks).run();
  }

  /**
   * The file's lines without line ends (CRLF, LF or CR) and without the blank lines at its end. A file without line
   * breaks whose length is a whole number of records is cut into records of 80 (Bankgirot's example files come so);
   * a tab is expanded to the next multiple of 8 columns (a copy that went through an editor).
   */
  private static List<String> records(String text, Remarks remarks) {
    List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\n|\r", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.size() == 1 && lines.get(0).length() > RECORD_LENGTH && lines.get(0).length() % RECORD_LENGTH == 0
        && lines.get(0).startsWith("01")) {
      String all = lines.remove(0);
      for (int i = 0; i < all.length(); i += RECORD_LENGTH) {
        lines.add(all.substring(i, i + RECORD_LENGTH));
      }
      remarks.file("The file has no line breaks: read as records of " + RECORD_LENGTH + " characters");
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).indexOf('\t') >= 0) {
        lines.set(i, expandTabs(lines.get(i)));
        remarks.at(Remarks.TABS, i + 1);
      }
    }
    return lines;
  }

  private static String expandTabs(String line) {
    StringBuilder expanded = new StringBuilder();
    for (char c : line.toCharArray()) {
      if (c == '\t') {
        expanded.append(' ');
        while (expanded.length() % 8 != 0) {
          expanded.append(' ');
        }
      } else {
        expanded.append(c);
      }
    }
    return expanded.toString();
  }

  /**
   * What was accepted although the manual says otherwise, for the file's remarks: one remark per kind, naming its
   * lines (at most {@value #LISTED} of them).
   */
  private static final class Remarks {
    static final String TABS = "Tabs instead of blanks (expanded to every 8th column)";
    static final String SHORT = "Shorter than 80 characters, trailing blanks trimmed (read as if padded with blanks)";
    static final String SENDER = "Sender's bankgiro number padded with blanks, not zeros (read without the blanks)";
    static final int LISTED = 10;

    private final List<String> file = new ArrayList<>();
    private final Map<String, List<Integer>> lines = new LinkedHashMap<>();

    void file(String remark) {
      file.add(remark);
    }

    void at(String kind, int line) {
      lines.computeIfAbsent(kind, k -> new ArrayList<>()).add(line);
    }

    List<String> all() {
      List<String> all = new ArrayList<>(file);
      lines.forEach((kind, at) -> all.add(kind + ": " + lines(at)));
      return all;
    }

    static String lines(List<Integer> at) {
      String listed = String.join(", ", at.stream().limit(LISTED).map(String::valueOf).toList());
      return (at.size() == 1 ? "line " : "lines ") + listed
          + (at.size() > LISTED ? " … (" + at.size() + " in all)" : "");
    }
  }

  /** One record: its line number and its text, cut or padded to 80 characters so that fields can be read. */
  private record Rec(int line, String text) {

    String code() {
      return text.substring(0, 2);
    }

    /** Positions {@code from} to {@code to}, 1-based and inclusive, as the manual numbers them. */
    String field(int from, int to) {
      return text.substring(from - 1, to);
    }

    String trimmed(int from, int to) {
      return field(from, to).strip();
    }
  }

  /** A payment being read: what its 20/21 and the records after it say, until its section's 15 gives the date. */
  private static final class PaymentDraft {
    final int line;
    /** The receiving bankgiro of its section and its BGC serial number: what its bank transaction id is made of. */
    final String bankgiro;
    final String serial;
    final long amountInOre;
    final String currency;
    /** Its section's 15: payment date and the bank's deposit serial number, for an id that needs them. */
    String depositSerial;
    String bankTransactionId;
    final Set<String> references = new LinkedHashSet<>();
    final List<String> information = new ArrayList<>();
    String payerName;
    String payerOrganisationNumber;
    String payerBankgiro;
    LocalDate bookingDate;

    PaymentDraft(int line, String bankgiro, String serial, long amountInOre, String currency) {
      this.line = line;
      this.bankgiro = bankgiro;
      this.serial = serial;
      this.amountInOre = amountInOre;
      this.currency = currency;
    }

    BankPayment toPayment() {
      return new BankPayment(bankTransactionId, BigDecimal.valueOf(amountInOre, 2), currency, bookingDate,
          List.copyOf(references), information.isEmpty() ? null : String.join("\n", information), payerName,
          payerOrganisationNumber, "line " + line, payerBankgiro == null ? null : "Bankgiro " + payerBankgiro);
    }
  }

  /** A 05 deposit section until its 15: its payments are buffered, as the 15 with their date comes after them. */
  private static final class Section {
    final int line;
    final String bankgiro;
    final String currency;
    final List<PaymentDraft> payments = new ArrayList<>();
    int paymentRecords;
    long sumInOre;
    boolean sumKnown = true;

    Section(int line, String bankgiro, String currency) {
      this.line = line;
      this.bankgiro = bankgiro;
      this.currency = currency;
    }
  }

  private record LineProblem(int line, String reason) {
  }

  /** One reading of one file. */
  private static final class Parse {

    private static final DateTimeFormatter DATE =
        DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP =
        DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private final List<String> lines;
    private final Remarks remarks;
    private final List<LineProblem> problems = new ArrayList<>();
    private final List<PaymentDraft> accepted = new ArrayList<>();
    private String account;
    private Section section;
    /** The 20/21 that 22..29 records belong to; also set (but never booked) for a 20/21 outside a section. */
    private PaymentDraft payment;
    private int endRecordLine;
    private int payments;
    private int deductions;
    private int extraReferences;
    private int deposits;

    Parse(List<String> lines, Remarks remarks) {
      this.lines = lines;
      this.remarks = remarks;
    }

    ParsedPaymentFile run() {
      if (lines.isEmpty()) {
        throw new PaymentFileRejected("line 1", "the file is empty: a BgMax file has at least a 01 and a 70 record");
      }
      for (int i = 0; i < lines.size(); i++) {
        read(i + 1, lines.get(i));
      }
      if (section != null) {
        problem(section.line, "the deposit section opened here has no 15 deposit record");
      }
      if (endRecordLine == 0) {
        String last = lines.get(lines.size() - 1);
        problem(lines.size(), "the last record must be a 70 end record, found " + describeCode(last));
      }
      if (!problems.isEmpty()) {
        problems.sort(Comparator.comparingInt(LineProblem::line));
        throw new PaymentFileRejected(
            problems.stream().map(p -> new Problem("line " + p.line(), p.reason())).toList());
      }
      giveTransactionIds();
      List<BankPayment> result = accepted.stream().map(PaymentDraft::toPayment).toList();
      BigDecimal total = result.stream().map(BankPayment::amount).reduce(BigDecimal.ZERO.setScale(2),
          BigDecimal::add);
      return new ParsedPaymentFile(ParsedPaymentFile.Format.BGMAX, account, result, total, List.of(),
          remarks.all());
    }

    /**
     * "BG" + receiving bankgiro + "-" + BGC serial number, as Fordra has always made it, so that a payment read
     * before is still known when another file reports it again. A serial number that several payments of the file
     * share (Bankgirot's own example files do this; such a file was refused before, so no id of it was ever stored)
     * is made unique with what else is the payment's own: its deposit's payment date and deposit serial number, and
     * within one deposit its place among those that share the number ("-2", "-3" …). The same payment in another
     * file from the bank gets the same id; read before from a file where it was alone, PaymentMatcher knows it by
     * {@link #idAlone} with the same date and amount.
     */
    private void giveTransactionIds() {
      Map<String, List<PaymentDraft>> bySerial = new LinkedHashMap<>();
      for (PaymentDraft draft : accepted) {
        bySerial.computeIfAbsent(draft.bankgiro + "-" + draft.serial, k -> new ArrayList<>()).add(draft);
      }
      bySerial.forEach((key, drafts) -> {
        if (drafts.size() == 1) {
          drafts.get(0).bankTransactionId = "BG" + key;
          return;
        }
        Map<String, Integer> inDeposit = new HashMap<>();
        for (PaymentDraft draft : drafts) {
          String id = "BG" + key + "-" + DATE.format(draft.bookingDate) + "-" + draft.depositSerial;
          int nth = inDeposit.merge(id, 1, Integer::sum);
          draft.bankTransactionId = nth == 1 ? id : id + "-" + nth;
        }
        remarks.file("BGC serial number " + drafts.get(0).serial + " is used by " + drafts.size()
            + " payments (" + Remarks.lines(drafts.stream().map(d -> d.line).toList()) + "): their bank transaction"
            + " ids add their deposit's date and serial number to be unique");
      });
    }

    private static String describeCode(String line) {
      return line.length() < 2 ? "a line of " + line.length() + " characters" : "'" + line.substring(0, 2) + "'";
    }

    private void read(int line, String text) {
      if (text.isBlank()) {
        problem(line, "blank line inside the file: every record must be " + RECORD_LENGTH + " characters");
        return;
      }
      if (text.length() > RECORD_LENGTH || text.length() < RECORD_LENGTH && text.endsWith(" ")) {
        // a record cut short (it ends in a blank, so its trailing blanks were not trimmed) or too long
        problem(line, "record is " + text.length() + " characters long, expected " + RECORD_LENGTH);
      } else if (text.length() < RECORD_LENGTH) {
        // trailing blanks trimmed (by an editor or a transfer): padded again; a field cut off shows as a problem
        remarks.at(Remarks.SHORT, line);
      }
      Rec rec = new Rec(line, text.length() >= RECORD_LENGTH ? text.substring(0, RECORD_LENGTH)
          : text + " ".repeat(RECORD_LENGTH - text.length()));
      if (line == 1 && !rec.code().equals("01")) {
        problem(line, "the first record must be a 01 start record, found '" + rec.code() + "'");
      }
      if (endRecordLine != 0) {
        problem(line, "record after the 70 end record on line " + endRecordLine);
        return;
      }
      switch (rec.code()) {
        case "01" -> start(rec);
        case "05" -> opening(rec);
        case "20", "21" -> payment(rec);
        case "22", "23" -> extraReference(rec);
        case "25" -> information(rec);
        case "26" -> name(rec);
        case "27", "28" -> belongsToPayment(rec);
        case "29" -> organisationNumber(rec);
        case "15" -> deposit(rec);
        case "70" -> end(rec);
        default -> problem(line, "unknown transaction code '" + rec.code() + "'");
      }
    }

    private void start(Rec rec) {
      if (rec.line() != 1) {
        problem(rec.line(), "a 01 start record is only allowed as the first record");
        return;
      }
      String layout = rec.trimmed(3, 22);
      if (!layout.equals("BGMAX")) {
        problem(rec.line(), "layout name is '" + layout + "', expected BGMAX");
      }
      if (!rec.field(23, 24).equals("01")) {
        problem(rec.line(), "layout version is '" + rec.field(23, 24) + "', expected 01");
      }
      String timestamp = rec.field(25, 44);
      if (!isTimestamp(timestamp)) {
        problem(rec.line(), "time stamp (positions 25-44) is '" + timestamp
            + "', expected a valid yyyyMMddHHmmssSSSSSS");
      }
      String marker = rec.field(45, 45);
      if (!marker.equals("T") && !marker.equals("P")) {
        problem(rec.line(), "test marker (position 45) is '" + marker + "', expected T (test) or P (production)");
      }
    }

    private static boolean isTimestamp(String text) {
      if (!isDigits(text)) {
        return false;
      }
      try {
        LocalDateTime.parse(text.substring(0, 14), TIMESTAMP);
        return true;
      } catch (DateTimeParseException e) {
        return false;
      }
    }

    private void opening(Rec rec) {
      if (section != null) {
        problem(rec.line(), "05 opening record, but the deposit section opened on line " + section.line
            + " has no 15 deposit record yet");
      }
      payment = null;
      Long bankgiro = number(rec, 3, 12, "receiving bankgiro number");
      String plusgiro = rec.field(13, 22);
      if (!plusgiro.isBlank() && !isDigits(plusgiro)) {
        problem(rec.line(), "receiving plusgiro number (positions 13-22) is '" + plusgiro + "', expected digits");
      }
      String currency = rec.field(23, 25);
      if (!currency.matches("[A-Z]{3}")) {
        problem(rec.line(), "currency (positions 23-25) is '" + currency + "', expected a currency code like SEK");
      }
      String bankgiroNumber = bankgiro == null ? null : String.valueOf(bankgiro);
      if (account == null) {
        account = bankgiroNumber;
      }
      section = new Section(rec.line(), bankgiroNumber, currency);
    }

    private void payment(Rec rec) {
      boolean deduction = rec.code().equals("21");
      if (deduction) {
        deductions++;
      } else {
        payments++;
      }
      String kind = deduction ? "21 deduction record" : "20 payment record";
      Long sender = senderBankgiro(rec);
      String reference = rec.trimmed(13, 37);
      Long amount = number(rec, 38, 55, "amount");
      Long referenceCode = digit(rec, 56, "reference code");
      if (referenceCode != null && referenceCode > 5) {
        problem(rec.line(), "reference code (position 56) is " + referenceCode + ", expected 0-5");
      }
      digit(rec, 57, "payment channel code");
      String serial = rec.trimmed(58, 69);
      if (serial.isEmpty()) {
        problem(rec.line(), "BGC serial number (positions 58-69) is blank");
      }
      digit(rec, 70, "image marker");
      if (deduction) {
        digit(rec, 71, "deduction code");
      }
      long signed = amount == null ? 0 : deduction ? -amount : amount;
      String bankgiro = section == null ? null : section.bankgiro;
      payment = new PaymentDraft(rec.line(), bankgiro, serial, signed, section == null ? null : section.currency);
      // 0 when the payer paid from no bankgiro (e.g. from a bank account)
      payment.payerBankgiro = sender == null || sender == 0 ? null : bankgiro(sender);
      addReferences(payment, reference, referenceCode != null && referenceCode == 3);
      if (section == null) {
        problem(rec.line(), kind + " outside a deposit section (no 05 opening record before it)");
        return;
      }
      section.payments.add(payment);
      section.paymentRecords++;
      section.sumInOre += signed;
      section.sumKnown &= amount != null;
    }

    /**
     * The sender's bankgiro number (positions 3-12), zero-filled on the left by the manual; padded with blanks
     * instead, it is read without them (Bankgirot's own example file does this). 0 or blank: no bankgiro.
     */
    private Long senderBankgiro(Rec rec) {
      String value = rec.field(3, 12);
      if (!isDigits(value) && (value.isBlank() || isDigits(value.strip()))) {
        remarks.at(Remarks.SENDER, rec.line());
        return value.isBlank() ? 0L : Long.valueOf(value.strip());
      }
      return number(rec, 3, 12, "sender's bankgiro number");
    }

    /** A bankgiro number as written: 1234-5678 (or 123-4567). */
    private static String bankgiro(long number) {
      String digits = Long.toString(number);
      return digits.length() < 7 ? digits : digits.substring(0, digits.length() - 4) + "-"
          + digits.substring(digits.length() - 4);
    }

    /**
     * A reference field; with reference code 3 it may hold several references, separated by blanks, commas,
     * semicolons, colons or slashes (Bankgirot's example file: "65896,65862,65763").
     */
    private static void addReferences(PaymentDraft draft, String reference, boolean several) {
      if (reference.isEmpty()) {
        return;
      }
      if (several) {
        for (String part : reference.split("[\\s,;:/]+")) {
          if (!part.isEmpty()) {
            draft.references.add(part);
          }
        }
      } else {
        draft.references.add(reference);
      }
    }

    private void extraReference(Rec rec) {
      extraReferences++;
      String reference = rec.trimmed(13, 37);
      number(rec, 38, 55, "amount");
      digit(rec, 56, "reference code");
      if (belongsToPayment(rec)) {
        addReferences(payment, reference, false);
      }
    }

    private void information(Rec rec) {
      String text = rec.trimmed(3, 52);
      if (belongsToPayment(rec) && !text.isEmpty()) {
        payment.information.add(text);
      }
    }

    private void name(Rec rec) {
      String name = String.join(" ", rec.trimmed(3, 37), rec.trimmed(38, 72)).strip();
      if (belongsToPayment(rec) && payment.payerName == null && !name.isEmpty()) {
        payment.payerName = name;
      }
    }

    private void organisationNumber(Rec rec) {
      String number = rec.trimmed(3, 14);
      if (belongsToPayment(rec) && !number.isEmpty()) {
        payment.payerOrganisationNumber = number;
      }
    }

    /** Whether there is a 20/21 for this 22..29 record; a problem if not. */
    private boolean belongsToPayment(Rec rec) {
      if (payment == null) {
        problem(rec.line(), rec.code() + " record does not follow a 20 payment or 21 deduction record");
        return false;
      }
      return true;
    }

    private void deposit(Rec rec) {
      deposits++;
      payment = null;
      LocalDate date = date(rec, 38, 45, "payment date");
      Long depositSerial = number(rec, 46, 50, "deposit serial number");
      Long amount = number(rec, 51, 68, "deposit amount");
      String currency = rec.field(69, 71);
      Long count = number(rec, 72, 79, "number of payments");
      if (section == null) {
        problem(rec.line(), "15 deposit record without a 05 opening record before it");
        return;
      }
      if (!currency.equals(section.currency)) {
        problem(rec.line(), "deposit currency is '" + currency + "', the 05 opening record on line " + section.line
            + " says '" + section.currency + "'");
      }
      if (count != null && count != section.paymentRecords) {
        problem(rec.line(), "deposit record says " + count + " payments, the section from line " + section.line
            + " has " + section.paymentRecords + " (20 and 21 records)");
      }
      if (amount != null && section.sumKnown && amount != section.sumInOre) {
        problem(rec.line(), "deposit amount is " + BigDecimal.valueOf(amount, 2) + ", the section from line "
            + section.line + " sums to " + BigDecimal.valueOf(section.sumInOre, 2) + " (20s minus 21s)");
      }
      for (PaymentDraft draft : section.payments) {
        draft.bookingDate = date;
        draft.depositSerial = depositSerial == null ? null : rec.field(46, 50);
      }
      accepted.addAll(section.payments);
      section = null;
    }

    private void end(Rec rec) {
      endRecordLine = rec.line();
      payment = null;
      compareCount(rec, 3, 10, "payment records (20)", payments);
      compareCount(rec, 11, 18, "deduction records (21)", deductions);
      compareCount(rec, 19, 26, "extra reference records (22 and 23)", extraReferences);
      compareCount(rec, 27, 34, "deposit records (15)", deposits);
    }

    private void compareCount(Rec rec, int from, int to, String what, int actual) {
      Long stated = number(rec, from, to, "number of " + what);
      if (stated != null && stated != actual) {
        problem(rec.line(), "end record says " + stated + " " + what + ", the file has " + actual);
      }
    }

    private Long digit(Rec rec, int position, String name) {
      String value = rec.field(position, position);
      if (!isDigits(value)) {
        problem(rec.line(), name + " (position " + position + ") is '" + value + "', expected a digit");
        return null;
      }
      return Long.valueOf(value);
    }

    /** A numeric field (all digits), or null after a problem. */
    private Long number(Rec rec, int from, int to, String name) {
      String value = rec.field(from, to);
      if (!isDigits(value)) {
        problem(rec.line(), name + " (positions " + from + "-" + to + ") is '" + value + "', expected digits");
        return null;
      }
      return Long.valueOf(value);
    }

    private LocalDate date(Rec rec, int from, int to, String name) {
      String value = rec.field(from, to);
      try {
        if (isDigits(value)) {
          return LocalDate.parse(value, DATE);
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
      problem(rec.line(), name + " (positions " + from + "-" + to + ") is '" + value
          + "', expected a valid date yyyyMMdd");
      return null;
    }

    private static boolean isDigits(String value) {
      return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private void problem(int line, String reason) {
      problems.add(new LineProblem(line, reason));
    }
  }
}
