package io.fordra.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** OWASP's rule for text cells, numbers left as numbers, one record per row whatever the text holds. */
class SpreadsheetCsvTest {

  @Test
  void textThatStartsLikeAFormulaIsPrefixedAndQuoted_numbersStayNumbers() throws IOException {
    String csv = new SpreadsheetCsv(List.of("name", "amount", "count"))
        .row("=1+1", new BigDecimal("-250.00"), -3)
        .row("+1", new BigDecimal("1E+3"), 0)
        .row("-1", null, 1)
        .row("@SUM(A1)", BigDecimal.ZERO, 2)
        .row("\tx", BigDecimal.ONE, 3)
        .row("\rx", BigDecimal.TEN, 4)
        .row("Line\r\nbreak; \"quoted\"", new BigDecimal("0.50"), 5)
        .row("Anna-Lena", new BigDecimal("12.00"), 6)
        .toString();

    assertThat(csv).startsWith("\uFEFF\"name\";\"amount\";\"count\"\r\n\"'=1+1\";-250.00;-3\r\n\"'+1\";1000;0\r\n");
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').get()
        .parse(new StringReader(csv.substring(1))).getRecords();
    assertThat(records).hasSize(9);
    assertThat(records.stream().map(r -> r.get(0))).containsExactly("name", "'=1+1", "'+1", "'-1", "'@SUM(A1)",
        "'\tx", "'\rx", "Line\r\nbreak; \"quoted\"", "Anna-Lena");
    assertThat(records.get(3).get(1)).as("null is an empty cell").isEmpty();
  }
}
