package io.fordra.autogiro;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An AvtaleGiro claim file ("trekkrav") to Nets, as Nets' "AvtaleGiro systemspesifikasjon" (OCR file family,
 * format code NY, service code 21) lays it out: 80-character records, ISO-8859-1, CR LF; numeric fields right-justified
 * and zero-filled, dates DDMMYY, amounts in øre.
 *
 * <pre>
 * NY000010 start of transmission  9-16 data sender (customer unit id)  17-23 transmission number  24-31 data
 *          recipient 00008080  32-80 zeros
 * NY210020 start of assignment (claims; NY213620 for cancellations)  9-17 zeros  18-24 assignment number
 *          25-35 assignment account  36-80 zeros
 * NY21tt30 amount item 1: tt = 02 the payee notifies the payer, 21 the bank notifies (varsel), 93 cancellation
 *          9-15 transaction number  16-21 due date  22-32 blank  33-49 amount  50-74 KID right-justified  75-80 zeros
 * NY21tt31 amount item 2  9-15 transaction number  16-25 payer's short name  26-50 blank  51-75 external reference
 *          76-80 zeros
 * NY210088 end of assignment (NY213688)  9-16 transactions  17-24 records (with start and end)  25-41 amount
 *          42-47 earliest due date  48-53 latest due date  54-80 zeros
 * NY000089 end of transmission  9-16 transactions  17-24 records (all)  25-41 amount  42-47 earliest due date
 *          48-80 zeros
 * </pre>
 */
final class AvtaleGiroClaimRecords {

  static final Charset CHARSET = StandardCharsets.ISO_8859_1;
  static final String NETS = "00008080";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("ddMMyy");

  /** One claim (or its cancellation); bankNotifies: the payer chose the bank's notice (varsel). */
  record Claim(LocalDate dueDate, BigDecimal amount, String kid, String payerName, String reference,
               boolean bankNotifies) {}

  private AvtaleGiroClaimRecords() {}

  static byte[] file(String dataSender, String account, int transmissionNumber, List<Claim> claims,
                     List<Claim> cancellations) {
    List<String> records = new ArrayList<>();
    records.add(check("NY000010" + digits(dataSender, 8, "data sender") + seven(transmissionNumber) + NETS
        + "0".repeat(49)));
    int transactions = 0;
    long total = 0;
    LocalDate earliest = null;
    if (!claims.isEmpty()) {
      records.addAll(assignment("00", transmissionNumber, account, claims));
    }
    if (!cancellations.isEmpty()) {
      records.addAll(assignment("36", (transmissionNumber + 5_000_000) % 10_000_000, account, cancellations));
    }
    for (Claim c : concat(claims, cancellations)) {
      transactions++;
      total += ore(c.amount());
      earliest = earliest == null || c.dueDate().isBefore(earliest) ? c.dueDate() : earliest;
    }
    records.add(check("NY000089" + eight(transactions) + eight(records.size() + 1) + seventeen(total)
        + (earliest == null ? "000000" : earliest.format(DATE)) + "0".repeat(33)));
    return (String.join("\r\n", records) + "\r\n").getBytes(CHARSET);
  }

  private static List<String> assignment(String type, int number, String account, List<Claim> claims) {
    List<String> records = new ArrayList<>();
    records.add(check("NY21" + type + "20" + "0".repeat(9) + seven(number) + digits(account, 11, "account")
        + "0".repeat(45)));
    int n = 0;
    long total = 0;
    LocalDate first = null;
    LocalDate last = null;
    for (Claim c : claims) {
      n++;
      String tt = type.equals("36") ? "93" : c.bankNotifies() ? "21" : "02";
      records.add(check("NY21" + tt + "30" + seven(n) + c.dueDate().format(DATE) + " ".repeat(11)
          + seventeen(ore(c.amount())) + right(kid(c.kid()), 25) + "000000"));
      records.add(check("NY21" + tt + "31" + seven(n) + left(c.payerName(), 10) + " ".repeat(25)
          + left(c.reference(), 25) + "00000"));
      total += ore(c.amount());
      first = first == null || c.dueDate().isBefore(first) ? c.dueDate() : first;
      last = last == null || c.dueDate().isAfter(last) ? c.dueDate() : last;
    }
    records.add(check("NY21" + type + "88" + eight(n) + eight(records.size() + 1) + seventeen(total)
        + first.format(DATE) + last.format(DATE) + "0".repeat(27)));
    return records;
  }

  /** Whether the KID fits a claim: 2 to 25 digits (the check digit is the invoice's business). */
  static boolean isKid(String kid) {
    return kid != null && kid.matches("[0-9]{2,25}");
  }

  private static List<Claim> concat(List<Claim> a, List<Claim> b) {
    List<Claim> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String kid(String kid) {
    if (!isKid(kid)) {
      throw new IllegalArgumentException("A KID is 2 to 25 digits, not '" + kid + "'");
    }
    return kid;
  }

  static long ore(BigDecimal amount) {
    BigDecimal ore = amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2);
    if (ore.signum() <= 0 || ore.precision() > 17) {
      throw new IllegalArgumentException("An AvtaleGiro amount must be positive, not " + amount);
    }
    return ore.longValueExact();
  }

  private static String digits(String value, int length, String what) {
    String digits = value == null ? "" : value.replace(".", "").replace(" ", "").strip();
    if (!digits.matches("[0-9]{1," + length + "}")) {
      throw new IllegalArgumentException("The " + what + " must be 1 to " + length + " digits, not '" + value + "'");
    }
    return "0".repeat(length - digits.length()) + digits;
  }

  private static String seven(int n) {
    return String.format("%07d", n);
  }

  private static String eight(int n) {
    return String.format("%08d", n);
  }

  private static String seventeen(long n) {
    return String.format("%017d", n);
  }

  private static String right(String text, int length) {
    return " ".repeat(length - text.length()) + text;
  }

  /** Text cut to the field (a short name is a short name) and blank-filled; what ISO-8859-1 lacks becomes '?'. */
  private static String left(String text, int length) {
    String t = text == null ? "" : text.strip().replaceAll("[\\r\\n]", " ");
    t = t.length() > length ? t.substring(0, length) : t;
    t = new String(t.getBytes(CHARSET), CHARSET);
    return t + " ".repeat(length - t.length());
  }

  private static String check(String record) {
    if (record.length() != 80) {
      throw new IllegalStateException("An AvtaleGiro record is 80 characters, not " + record.length());
    }
    return record;
  }
}
