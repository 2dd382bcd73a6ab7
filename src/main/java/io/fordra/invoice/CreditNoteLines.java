package io.fordra.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The lines of a credit note, worked out once for the PDF and the e-invoice alike so that both always say the same.
 *
 * <p>A credit of the whole invoice total credits the invoice's own lines. A partial credit (incl. VAT) is split over
 * the invoice's VAT rates in proportion to each rate's gross share of the invoice total; each share is rounded
 * half-up to öre/øre and the rounding residual goes to the largest share, so the lines add up to the credited amount
 * exactly. Within a share, net = gross / (1 + rate) rounded half-up and VAT = gross − net.
 *
 * <p>A credit beyond the invoice total also credits fees (reminder and collection fees), which carry no VAT: the
 * invoice's lines in full, and the rest as one fee line without VAT.
 */
public final class CreditNoteLines {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** What a credit note line credits. */
  public enum Type {
    /** An invoice line, credited in full. */
    INVOICE_LINE,
    /** The credited share of all the invoice's lines at one VAT rate. */
    SHARE_OF_RATE,
    /** Fees charged after the invoice (no VAT). */
    FEES
  }

  /**
   * One line of a credit note; amounts are positive (what is credited), rounded to two decimals, and
   * {@code netAmount + vatAmount} is the line's part of the credited amount.
   *
   * @param vatRate     in percent (25 for 25 %); 0 for fees
   * @param invoiceLine the credited invoice line for {@link Type#INVOICE_LINE}, else null
   */
  public record Line(Type type, BigDecimal vatRate, BigDecimal netAmount, BigDecimal vatAmount,
                     InvoiceLine invoiceLine) {

    public Line {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(vatRate, "vatRate");
      Objects.requireNonNull(netAmount, "netAmount");
      Objects.requireNonNull(vatAmount, "vatAmount");
    }

    public BigDecimal grossAmount() {
      return netAmount.add(vatAmount);
    }
  }

  private CreditNoteLines() {}

  /**
   * The lines crediting {@code creditedAmount} (incl. VAT) of an invoice with these lines.
   *
   * @throws IllegalArgumentException if nothing is credited or the invoice has no lines or no positive total
   */
  public static List<Line> of(List<InvoiceLine> invoiceLines, BigDecimal creditedAmount) {
    if (creditedAmount.signum() <= 0) {
      throw new IllegalArgumentException("A credit note credits more than 0, not " + creditedAmount.toPlainString());
    }
    BigDecimal credited = creditedAmount.setScale(2, RoundingMode.HALF_UP);
    if (credited.compareTo(creditedAmount) != 0) {
      throw new IllegalArgumentException("A credited amount has at most 2 decimals: " + creditedAmount);
    }
    Map<BigDecimal, BigDecimal> grossByRate = new TreeMap<>(Comparator.reverseOrder());
    for (InvoiceLine line : invoiceLines) {
      grossByRate.merge(line.vatRate(), line.netAmount().add(line.vatAmount()), BigDecimal::add);
    }
    BigDecimal total = grossByRate.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.signum() <= 0) {
      throw new IllegalArgumentException("An invoice without a positive total cannot be credited");
    }
    int comparison = credited.compareTo(total);
    if (comparison >= 0) {
      List<Line> lines = new ArrayList<>(invoiceLines.stream()
          .map(l -> new Line(Type.INVOICE_LINE, l.vatRate(), l.netAmount(), l.vatAmount(), l))
          .toList());
      if (comparison > 0) {
        lines.add(new Line(Type.FEES, BigDecimal.ZERO, credited.subtract(total), BigDecimal.ZERO.setScale(2), null));
      }
      return List.copyOf(lines);
    }
    return sharesOfRates(grossByRate, total, credited);
  }

  private static List<Line> sharesOfRates(Map<BigDecimal, BigDecimal> grossByRate, BigDecimal total,
                                          BigDecimal credited) {
    Map<BigDecimal, BigDecimal> shares = new TreeMap<>(Comparator.reverseOrder());
    grossByRate.forEach((rate, gross) ->
        shares.put(rate, credited.multiply(gross).divide(total, 2, RoundingMode.HALF_UP)));
    BigDecimal residual = credited.subtract(shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    // The first of the largest shares (highest rate first) takes the residual: it changes that share the least.
    BigDecimal largestRate = null;
    for (Map.Entry<BigDecimal, BigDecimal> share : shares.entrySet()) {
      if (largestRate == null || share.getValue().compareTo(shares.get(largestRate)) > 0) {
        largestRate = share.getKey();
      }
    }
    shares.merge(largestRate, residual, BigDecimal::add);

    List<Line> lines = new ArrayList<>();
    shares.forEach((rate, gross) -> {
      if (gross.signum() != 0) {
        BigDecimal net = gross.multiply(HUNDRED).divide(HUNDRED.add(rate), 2, RoundingMode.HALF_UP);
        lines.add(new Line(Type.SHARE_OF_RATE, rate, net, gross.subtract(net), null));
      }
    });
    return List.copyOf(lines);
  }
}
