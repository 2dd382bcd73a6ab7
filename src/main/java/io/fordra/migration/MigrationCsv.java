package io.fordra.migration;

import io.fordra.kernel.FileRejected;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a migration file as the billing file is read: UTF-8 with or without a byte-order mark, else Windows-1252 (what
 * spreadsheets on Nordic Windows save); the separator ';', ',' or tab as the header row uses it; quoted fields.
 */
final class MigrationCsv {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int MAX_VALUE = 1000;

  /** One row: its line, its values (blank values left out) and what is wrong with it as a row. */
  record Row(int line, Map<MigrationFileColumn, String> values, String problem) {
    String get(MigrationFileColumn column) {
      return values.get(column);
    }
  }

  record Read(List<Row> rows, Charset charset, char separator) {}

  private MigrationCsv() {}

  static Read read(byte[] bytes) {
    Charset charset = StandardCharsets.UTF_8;
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      charset = WINDOWS_1252;
      text = new String(bytes, WINDOWS_1252);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    char separator = separator(header);
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreSurroundingSpaces(true).build();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      MigrationFileColumn[] columns = null;
      long lineAfterPrevious = 1;
      for (CSVRecord record : parser) {
        int line = (int) lineAfterPrevious;
        lineAfterPrevious = parser.getCurrentLineNumber() + 1;
        if (columns == null) {
          columns = header(record);
          continue;
        }
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        Map<MigrationFileColumn, String> values = new EnumMap<>(MigrationFileColumn.class);
        String problem = null;
        if (record.size() > columns.length) {
          problem = record.size() + " values, the header has " + columns.length + " columns";
        }
        for (int i = 0; i < Math.min(record.size(), columns.length); i++) {
          String value = record.get(i).strip();
          if (columns[i] != null && !value.isEmpty()) {
            if (value.length() > MAX_VALUE) {
              problem = columns[i].header() + " is longer than " + MAX_VALUE + " characters";
            } else {
              values.put(columns[i], value);
            }
          }
        }
        rows.add(new Row(line, values, problem));
      }
      if (columns == null) {
        throw rejected("file", "the file is empty; the first row must name the columns");
      }
    } catch (IOException | UncheckedIOException e) {
      throw rejected("file", "not a readable CSV file: " + e.getMessage());
    }
    return new Read(rows, charset, separator);
  }

  private static MigrationFileColumn[] header(CSVRecord record) {
    MigrationFileColumn[] columns = new MigrationFileColumn[record.size()];
    List<FileRejected.Problem> problems = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i).strip();
      if (name.isEmpty()) {
        continue;
      }
      MigrationFileColumn column = MigrationFileColumn.byHeader(name).orElse(null);
      if (column == null) {
        unknown.add(name.length() > 40 ? name.substring(0, 40) + "…" : name);
      } else {
        for (MigrationFileColumn c : columns) {
          if (c == column) {
            problems.add(new FileRejected.Problem("line 1", "the column " + column.header() + " is named twice"));
          }
        }
        columns[i] = column;
      }
    }
    if (!unknown.isEmpty()) {
      problems.add(new FileRejected.Problem("line 1", "unknown columns " + unknown.subList(0, Math.min(10,
          unknown.size())) + "; a migration file has " + java.util.Arrays.stream(MigrationFileColumn.values())
          .map(MigrationFileColumn::header).toList()));
    }
    for (MigrationFileColumn required : MigrationFileColumn.values()) {
      if (required.required() && java.util.Arrays.stream(columns).noneMatch(c -> c == required)) {
        problems.add(new FileRejected.Problem("line 1", "the column " + required.header() + " is missing"));
      }
    }
    if (!problems.isEmpty()) {
      throw new MigrationFileRejected(problems);
    }
    return columns;
  }

  private static char separator(String header) {
    char best = ',';
    long most = -1;
    for (char c : new char[] {';', ',', '\t'}) {
      long n = header.chars().filter(ch -> ch == c).count();
      if (n > most) {
        most = n;
        best = c;
      }
    }
    return best;
  }

  static MigrationFileRejected rejected(String location, String reason) {
    return new MigrationFileRejected(List.of(new FileRejected.Problem(location, reason)));
  }
}
