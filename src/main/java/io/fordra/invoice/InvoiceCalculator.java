package io.fordra.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Line and invoice totals: each line's net and VAT rounded half-up to öre/øre, the invoice sums the lines. */
final class InvoiceCalculator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  record Totals(List<InvoiceLine> lines, BigDecimal net, BigDecimal vat, BigDecimal total) {}

  private InvoiceCalculator() {}

  static Totals calculate(List<InvoiceRequest.LineRequest> requested) {
    List<InvoiceLine> lines = new ArrayList<>();
    BigDecimal net = BigDecimal.ZERO.setScale(2);
    BigDecimal vat = BigDecimal.ZERO.setScale(2);
    int number = 1;
    for (InvoiceRequest.LineRequest r : requested) {
      BigDecimal lineNet = r.quantity().multiply(r.unitPrice()).setScale(2, RoundingMode.HALF_UP);
      BigDecimal lineVat = lineNet.multiply(r.vatRate()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
      lines.add(new InvoiceLine(number++, r.description().strip(), r.quantity(), r.unitPrice(), r.vatRate(),
          lineNet, lineVat, blankToNull(r.articleNumber()), blankToNull(r.orderReference()), null,
          r.servicePeriod() == null ? null : r.servicePeriod().from(),
          r.servicePeriod() == null ? null : r.servicePeriod().to()));
      net = net.add(lineNet);
      vat = vat.add(lineVat);
    }
    return new Totals(lines, net, vat, net.add(vat));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
