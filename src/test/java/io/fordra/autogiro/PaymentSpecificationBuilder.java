package io.fordra.autogiro;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Writes a payment specification the way Bankgirot does (new layout), for the tests. */
public class PaymentSpecificationBuilder {

  private final String customerNumber;
  private final String bankgiro;
  private final List<String[]> debits = new ArrayList<>();

  public PaymentSpecificationBuilder(String customerNumber, String bankgiro) {
    this.customerNumber = customerNumber;
    this.bankgiro = bankgiro;
  }

  /** A TK82 with its payment status code ('0' approved, '1' insufficient funds, '2' no mandate, '9' renewed). */
  public PaymentSpecificationBuilder debit(String payerNumber, String amount, LocalDate date, String reference,
                                           char status) {
    debits.add(new String[] {payerNumber, amount, date.toString().replace("-", ""), reference,
        String.valueOf(status)});
    return this;
  }

  public List<String> records() {
    List<String> records = new ArrayList<>();
    records.add("01AUTOGIRO" + " ".repeat(14) + "20260402061500123456" + AutogiroPaymentSpecification.LAYOUT
        + pad(customerNumber, 6) + pad(bankgiro, 10));
    long approved = debits.stream().filter(d -> d[4].equals("0")).mapToLong(PaymentSpecificationBuilder::ore).sum();
    records.add("15" + pad("33001234567", 35) + (debits.isEmpty() ? "20260401" : debits.get(0)[2]) + "00001"
        + pad(String.valueOf(approved), 18) + "   " + pad(String.valueOf(debits.size()), 8) + " ");
    for (String[] d : debits) {
      records.add("82" + d[2] + "0" + "   " + " " + pad(d[0], 16) + pad(String.valueOf(ore(d)), 12)
          + pad(bankgiro, 10) + String.format("%-16s", d[3]) + " ".repeat(10) + d[4]);
    }
    records.add("09" + "20260402" + "9900" + pad("1", 6) + pad(String.valueOf(debits.size()), 12) + pad("0", 6)
        + pad("0", 12) + pad("0", 6) + pad("0", 12) + " ".repeat(12));
    records.forEach(r -> {
      if (r.length() != 80) {
        throw new IllegalStateException("record of " + r.length() + ": " + r);
      }
    });
    return records;
  }

  public byte[] build() {
    return (String.join("\r\n", records()) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  private static long ore(String[] d) {
    return new BigDecimal(d[1]).movePointRight(2).longValueExact();
  }

  private static String pad(String digits, int length) {
    return "0".repeat(length - digits.length()) + digits;
  }
}
