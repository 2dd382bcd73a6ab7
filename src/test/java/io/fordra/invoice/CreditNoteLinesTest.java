package io.fordra.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fordra.invoice.CreditNoteLines.Line;
import io.fordra.invoice.CreditNoteLines.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditNoteLinesTest {

  /** 1 000,00 at 25 % (VAT 250,00) and 100,00 at 12 % (VAT 12,00): 1 362,00. */
  static final List<InvoiceLine> TWO_RATES = List.of(
      line(1, "3", "333.33", "25"),   // 999.99, VAT 250.00 (249.9975)
      line(2, "1", "0.01", "25"),     // 0.01, VAT 0.00 (0.0025)
      line(3, "1", "100.00", "12"));  // 100.00, VAT 12.00

  /** 100,00 gross at each of 25, 12 and 6 %: 300,00. */
  static final List<InvoiceLine> THREE_EQUAL_RATES = List.of(
      line(1, "1", "80.00", "25"),    // 80.00 + 20.00
      line(2, "1", "89.29", "12"),    // 89.29 + 10.71 (10.7148)
      line(3, "1", "94.34", "6"));    // 94.34 + 5.66 (5.6604)

  static InvoiceLine line(int number, String quantity, String unitPrice, String rate) {
    BigDecimal net = new BigDecimal(quantity).multiply(new BigDecimal(unitPrice)).setScale(2, RoundingMode.HALF_UP);
    BigDecimal vat = net.multiply(new BigDecimal(rate)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    return new InvoiceLine(number, "Line " + number, new BigDecimal(quantity), new BigDecimal(unitPrice),
        new BigDecimal(rate), net, vat, null, null, null);
  }

  static BigDecimal sum(List<Line> lines) {
    return lines.stream().map(Line::grossAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void aPartialCreditIsSplitOverTheRatesByTheirGrossShare() {
    // 25 %: 1 250,00 of 1 362,00; 12 %: 112,00.
    List<Line> lines = CreditNoteLines.of(TWO_RATES, new BigDecimal("500.00"));

    assertThat(lines).extracting(Line::type).containsOnly(Type.SHARE_OF_RATE);
    assertThat(lines).extracting(Line::vatRate).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("25"), new BigDecimal("12"));
    // 500 × 1250 / 1362 = 458.8839 → 458.88 = 367.10 (367.104) + 91.78
    assertThat(lines.get(0).grossAmount()).isEqualByComparingTo("458.88");
    assertThat(lines.get(0).netAmount()).isEqualByComparingTo("367.10");
    assertThat(lines.get(0).vatAmount()).isEqualByComparingTo("91.78");
    // 500 × 112 / 1362 = 41.1160 → 41.12 = 36.71 (36.714) + 4.41
    assertThat(lines.get(1).grossAmount()).isEqualByComparingTo("41.12");
    assertThat(lines.get(1).netAmount()).isEqualByComparingTo("36.71");
    assertThat(lines.get(1).vatAmount()).isEqualByComparingTo("4.41");
    assertThat(sum(lines)).isEqualByComparingTo("500.00");
    assertThat(lines).allSatisfy(l -> {
      assertThat(l.netAmount().scale()).isEqualTo(2);
      assertThat(l.vatAmount().scale()).isEqualTo(2);
      assertThat(l.invoiceLine()).isNull();
    });
  }

  @Test
  void aMissingÖreGoesToTheLargestShare() {
    // Three shares of 33.333 round to 33.33 each: 99.99, one öre short; the first largest share (25 %) takes it.
    List<Line> lines = CreditNoteLines.of(THREE_EQUAL_RATES, new BigDecimal("100.00"));

    assertThat(lines).extracting(Line::grossAmount).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
    assertThat(sum(lines)).isEqualByComparingTo("100.00");
    // 33.34 / 1.25 = 26.672 → 26.67 + 6.67; 33.33 / 1.12 = 29.759 → 29.76 + 3.57; 33.33 / 1.06 = 31.443 → 31.44 + 1.89
    assertThat(lines).extracting(Line::netAmount).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("26.67"), new BigDecimal("29.76"), new BigDecimal("31.44"));
    assertThat(lines).extracting(Line::vatAmount).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("6.67"), new BigDecimal("3.57"), new BigDecimal("1.89"));
  }

  @Test
  void anÖreTooManyIsTakenFromTheLargestShare() {
    // Three shares of 66.667 round to 66.67 each: 200.01; the 25 % share gives the öre back.
    List<Line> lines = CreditNoteLines.of(THREE_EQUAL_RATES, new BigDecimal("200.00"));

    assertThat(lines).extracting(Line::grossAmount).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("66.66"), new BigDecimal("66.67"), new BigDecimal("66.67"));
    assertThat(sum(lines)).isEqualByComparingTo("200.00");
  }

  @Test
  void aShareThatRoundsToNothingHasNoLine() {
    List<Line> lines = CreditNoteLines.of(TWO_RATES, new BigDecimal("0.01"));

    assertThat(lines).singleElement().satisfies(l -> {
      assertThat(l.vatRate()).isEqualByComparingTo("25");
      assertThat(l.netAmount()).isEqualByComparingTo("0.01");
      assertThat(l.vatAmount()).isEqualByComparingTo("0.00");
    });
  }

  @Test
  void everyPartialCreditAddsUpExactlyAndEachShareIsNetPlusVat() {
    BigDecimal total = new BigDecimal("1362.00");
    for (BigDecimal credited = new BigDecimal("0.01"); credited.compareTo(total) < 0;
         credited = credited.add(new BigDecimal("13.37"))) {
      List<Line> lines = CreditNoteLines.of(TWO_RATES, credited);

      assertThat(sum(lines)).as("credit of %s", credited).isEqualByComparingTo(credited);
      for (Line l : lines) {
        BigDecimal expectedNet = l.grossAmount().multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(100).add(l.vatRate()), 2, RoundingMode.HALF_UP);
        assertThat(l.netAmount()).as("credit of %s at %s %%", credited, l.vatRate()).isEqualTo(expectedNet);
      }
    }
  }

  @Test
  void aCreditOfTheWholeInvoiceCreditsItsOwnLines() {
    // 999.99 + 250.00 + 0.01 + 0.00 + 100.00 + 12.00; the VAT is the lines' own (250.00 + 0.00, not 1000.00 × 25 %).
    List<Line> lines = CreditNoteLines.of(TWO_RATES, new BigDecimal("1362.00"));

    assertThat(lines).extracting(Line::type).containsOnly(Type.INVOICE_LINE);
    assertThat(lines).extracting(Line::invoiceLine).containsExactlyElementsOf(TWO_RATES);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i).netAmount()).isEqualTo(TWO_RATES.get(i).netAmount());
      assertThat(lines.get(i).vatAmount()).isEqualTo(TWO_RATES.get(i).vatAmount());
    }
    assertThat(sum(lines)).isEqualByComparingTo("1362.00");
  }

  @Test
  void whatIsCreditedBeyondTheInvoiceTotalCreditsFeesWithoutVat() {
    List<Line> lines = CreditNoteLines.of(TWO_RATES, new BigDecimal("1422.00"));

    assertThat(lines).hasSize(4);
    assertThat(lines.get(3).type()).isEqualTo(Type.FEES);
    assertThat(lines.get(3).netAmount()).isEqualByComparingTo("60.00");
    assertThat(lines.get(3).vatAmount()).isEqualByComparingTo("0.00");
    assertThat(sum(lines)).isEqualByComparingTo("1422.00");
  }

  @Test
  void nothingOrFractionsOfAnÖreCannotBeCredited() {
    assertThatThrownBy(() -> CreditNoteLines.of(TWO_RATES, BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreditNoteLines.of(TWO_RATES, new BigDecimal("10.005")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreditNoteLines.of(List.of(), BigDecimal.TEN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
