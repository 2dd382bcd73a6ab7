package io.fordra.payment.file;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Nets OCR giro transmission for tests, record by record as the OCR giro system specification lays them out
 * (see OcrGiroReader): assignments of KID payments with correct counts and sums, optionally an AvtaleGiro agreement
 * assignment (service code 21, type 24, records 70).
 */
public final class OcrGiroFile {

  private final List<String> records = new ArrayList<>();
  private final List<String> assignment = new ArrayList<>();
  private int assignmentTransactions;
  private long assignmentSum;
  private int transactions;
  private long sum;
  private int assignmentNumber = 1000;
  private int transactionNumber;
  private LocalDate settlement = LocalDate.of(2026, 11, 24);

  public OcrGiroFile() {
    records.add(pad("NY000010" + "00008080" + "0170031" + "00010200", '0'));
  }

  public OcrGiroFile settlement(LocalDate date) {
    this.settlement = date;
    return this;
  }

  /** The next assignment gets number {@code number} + 1. */
  public OcrGiroFile assignmentsAfter(int number) {
    this.assignmentNumber = number;
    return this;
  }

  /** Starts an OCR giro assignment (agreement id 001008566, account 9999.10.42764). */
  public OcrGiroFile assignment() {
    assignmentNumber++;
    transactionNumber = 0;
    assignment.add(pad("NY090020" + "001008566" + String.format("%07d", assignmentNumber) + "99991042764", '0'));
    return this;
  }

  /** A KID payment of {@code ore} øre, transaction type {@code type} (10-21). */
  public OcrGiroFile payment(String type, String kid, long ore) {
    return payment(type, kid, ore, "000000000", "99990512341", null);
  }

  public OcrGiroFile payment(String type, String kid, long ore, String archive, String debitAccount, String message) {
    transactionNumber++;
    String number = String.format("%07d", transactionNumber);
    boolean reversal = ore < 0;
    assignment.add("NY09" + type + "30" + number + ddmmyy(settlement) + "13" + "20" + "1" + "01464"
        + (reversal ? "-" : "0") + String.format("%017d", Math.abs(ore)) + String.format("%25s", kid) + "000000");
    assignment.add(pad("NY09" + type + "31" + number + "9797596016" + archive + "0000000" + ddmmyy(settlement)
        + debitAccount, '0'));
    if (message != null) {
      assignment.add(pad("NY09" + type + "32" + number + String.format("%-40s", message), '0'));
    }
    assignmentTransactions++;
    assignmentSum += ore;
    return this;
  }

  /** Ends the assignment with correct counts and sum. */
  public OcrGiroFile endAssignment() {
    return endAssignment(assignmentTransactions, assignment.size() + 1, assignmentSum);
  }

  public OcrGiroFile endAssignment(int count, int recordCount, long total) {
    String d = ddmmyy(settlement);
    assignment.add(pad("NY090088" + String.format("%08d%08d%017d", count, recordCount, total) + d + d + d, '0'));
    records.addAll(assignment);
    transactions += assignmentTransactions;
    sum += assignmentSum;
    assignment.clear();
    assignmentTransactions = 0;
    assignmentSum = 0;
    return this;
  }

  /** An AvtaleGiro agreement assignment: each entry {registration type, KID, J/N}. */
  public OcrGiroFile agreements(String[]... entries) {
    assignmentNumber++;
    records.add(pad("NY212420" + "000000000" + String.format("%07d", assignmentNumber) + "99991042764", '0'));
    int n = 0;
    for (String[] e : entries) {
      n++;
      records.add(pad("NY219470" + String.format("%07d", n) + e[0] + String.format("%25s", e[1]) + e[2], '0'));
    }
    records.add(pad("NY212488" + String.format("%08d%08d", n, n + 2), '0'));
    transactions += n;
    return this;
  }

  public String text() {
    return text(transactions, records.size() + 1, sum);
  }

  public String text(int count, int recordCount, long total) {
    List<String> all = new ArrayList<>(records);
    all.add(pad("NY000089" + String.format("%08d%08d%017d", count, recordCount, total) + ddmmyy(settlement), '0'));
    return String.join("\n", all) + "\n";
  }

  public byte[] build() {
    return text().getBytes(StandardCharsets.ISO_8859_1);
  }

  static String ddmmyy(LocalDate date) {
    return String.format("%02d%02d%02d", date.getDayOfMonth(), date.getMonthValue(), date.getYear() % 100);
  }

  private static String pad(String record, char filler) {
    if (record.length() > 80) {
      throw new IllegalArgumentException("record longer than 80: " + record);
    }
    return record + String.valueOf(filler).repeat(80 - record.length());
  }
}
