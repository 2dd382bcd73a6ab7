package io.fordra.invoice.file;

import io.fordra.kernel.Capped;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an invoice file row by row, never holding more than one row: UTF-8 with or without a byte-order mark (a file
 * that is not UTF-8 is read as Windows-1252, what spreadsheets on Nordic Windows save), the separator ';', ',' or tab
 * as the header row uses it, quoted fields with separators and line breaks inside (Apache Commons CSV).
 */
final class InvoiceCsvReader implements Closeable {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final char[] SEPARATORS = {';', ',', '\t'};
  /** The header row must end within this many characters (Fordra's columns take a few hundred). */
  private static final int MAX_HEADER = 64 * 1024;
  /** Unknown header names quoted in the problem: enough to see what the file is. */
  private static final int UNKNOWN_NAMED = 10;

  /** One row of the file: its first line, its values (blank values left out) and what is wrong with it as a row. */
  record Row(int line, Map<InvoiceFileColumn, String> values, String problem) {
    String get(InvoiceFileColumn column) {
      return values.get(column);
    }
  }

  /** What the first pass over the bytes found: the file's SHA-256 and whether it is UTF-8. */
  record Scan(String sha256, Charset charset, long bytes) {}

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final char separator;
  private final InvoiceFileColumn[] columns;
  private long lineAfterPrevious;

  private InvoiceCsvReader(CSVParser parser, char separator, InvoiceFileColumn[] columns) {
    this.parser = parser;
    this.records = parser.iterator();
    this.separator = separator;
    this.columns = columns;
    this.lineAfterPrevious = parser.getCurrentLineNumber();
  }

  /** Reads the bytes once: their hash, and whether they decode as UTF-8. */
  static Scan scan(InputStream in) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long[] bytes = {0};
    DigestInputStream digesting = new DigestInputStream(in, digest) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        bytes[0] += Math.max(n, 0);
        return n;
      }

      @Override
      public int read() throws IOException {
        int b = super.read();
        bytes[0] += b >= 0 ? 1 : 0;
        return b;
      }
    };
    boolean utf8 = true;
    Reader decoding = new InputStreamReader(digesting, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    char[] chars = new char[16 * 1024];
    try {
      while (decoding.read(chars) >= 0) {
        // decoding only; the digest sees every byte
      }
    } catch (CharacterCodingException e) {
      utf8 = false;
    }
    // What the decoder did not read (after a byte that is not UTF-8) still belongs to the hash.
    digesting.transferTo(java.io.OutputStream.nullOutputStream());
    return new Scan(HexFormat.of().formatHex(digest.digest()), utf8 ? StandardCharsets.UTF_8 : WINDOWS_1252,
        bytes[0]);
  }

  /** Opens the file and reads its header row; a header Fordra cannot use rejects the file. */
  static InvoiceCsvReader open(InputStream in, Charset charset) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 64 * 1024);
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    reader.mark(MAX_HEADER);
    char[] head = new char[MAX_HEADER];
    int n = 0;
    for (int read; n < head.length && (read = reader.read(head, n, head.length - n)) > 0; ) {
      n += read;
    }
    reader.reset();
    if (n <= 0) {
      throw new InvoiceFileRejected("file", "is empty");
    }
    if (n == MAX_HEADER && !hasHeaderRow(head)) {
      // Read no further: the parser would hold the whole line, and a 500 MB upload may be one line.
      throw new InvoiceFileRejected("line 1", "the header row is longer than " + MAX_HEADER + " characters (it "
          + "names the columns, and Fordra has " + InvoiceFileColumn.values().length + ")");
    }
    char separator = separatorOf(new String(head, 0, n));
    CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
        .setTrim(false).get().parse(reader);
    Iterator<CSVRecord> it = parser.iterator();
    CSVRecord header = null;
    // Blank lines before the header row are no header.
    while (header == null && hasNext(it, parser.getCurrentLineNumber() + 1)) {
      CSVRecord record = it.next();
      header = record.stream().allMatch(String::isBlank) ? null : record;
    }
    if (header == null) {
      throw new InvoiceFileRejected("file", "is empty");
    }
    InvoiceFileColumn[] columns = columns(header);
    return new InvoiceCsvReader(parser, separator, columns);
  }

  char separator() {
    return separator;
  }

  /** The next row that is not blank, or null after the last. */
  Row next() {
    while (hasNext(records, lineAfterPrevious + 1)) {
      CSVRecord record = records.next();
      int line = (int) lineAfterPrevious + 1;
      lineAfterPrevious = parser.getCurrentLineNumber();
      Row row = row(line, record);
      if (row != null) {
        return row;
      }
    }
    return null;
  }

  private Row row(int line, CSVRecord record) {
    Map<InvoiceFileColumn, String> values = new EnumMap<>(InvoiceFileColumn.class);
    List<String> problems = new ArrayList<>();
    int extra = 0;
    for (int i = 0; i < record.size(); i++) {
      String value = record.get(i).strip();
      if (value.isEmpty()) {
        continue;
      }
      if (i >= columns.length) {
        extra++;
        continue;
      }
      InvoiceFileColumn column = columns[i];
      if (column == null) {
        continue; // a column whose header cell is blank
      }
      if (value.length() > InvoiceFileColumn.MAX_LENGTH) {
        problems.add(column.header() + " is longer than " + InvoiceFileColumn.MAX_LENGTH + " characters");
        value = value.substring(0, InvoiceFileColumn.MAX_LENGTH);
      }
      values.put(column, value);
    }
    if (values.isEmpty() && extra == 0) {
      return null;
    }
    if (extra > 0) {
      problems.add("has " + record.size() + " fields, the header " + columns.length + " (a '" + printable(separator)
          + "' inside a value must be quoted)");
    }
    return new Row(line, values, problems.isEmpty() ? null : String.join("; ", problems));
  }

  /** Whether there is another record; one that is not CSV rejects the file at the line where that record starts. */
  private static boolean hasNext(Iterator<CSVRecord> it, long line) {
    try {
      return it.hasNext();
    } catch (UncheckedIOException e) {
      throw new InvoiceFileRejected("line " + line,
          "is not valid CSV: " + e.getCause().getMessage());
    }
  }

  /** The header's columns by position; null where a header cell is blank (spreadsheets add such columns). */
  private static InvoiceFileColumn[] columns(CSVRecord header) {
    InvoiceFileColumn[] columns = new InvoiceFileColumn[header.size()];
    List<InvoiceFileRejected.Problem> problems = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      if (name.isEmpty()) {
        continue;
      }
      InvoiceFileColumn column = InvoiceFileColumn.byHeader(name).orElse(null);
      if (column == null) {
        unknown.add(name);
        continue;
      }
      if (java.util.Arrays.asList(columns).contains(column)) {
        String twice = "column " + column.header() + " appears more than once";
        if (problems.stream().noneMatch(p -> p.reason().equals(twice))) {
          problems.add(new InvoiceFileRejected.Problem("line 1", twice));
        }
      }
      columns[i] = column;
    }
    if (!unknown.isEmpty()) {
      problems.add(new InvoiceFileRejected.Problem("line 1", "unknown column" + (unknown.size() > 1 ? "s " : " ")
          + unknown.stream().limit(UNKNOWN_NAMED).map(Capped::value).collect(Collectors.joining(", "))
          + (unknown.size() > UNKNOWN_NAMED ? " " + Capped.more(unknown.size() - UNKNOWN_NAMED) : "")
          + "; the columns are " + java.util.Arrays.stream(InvoiceFileColumn.values())
          .map(InvoiceFileColumn::header).collect(Collectors.joining(", "))));
    }
    List<InvoiceFileColumn> present = java.util.Arrays.asList(columns);
    for (InvoiceFileColumn column : InvoiceFileColumn.values()) {
      if (column.required() && !present.contains(column)) {
        problems.add(new InvoiceFileRejected.Problem("line 1", "the header has no column " + column.header()));
      }
    }
    if (!present.contains(InvoiceFileColumn.DESCRIPTION) && !present.contains(InvoiceFileColumn.ARTICLE_NUMBER)) {
      problems.add(new InvoiceFileRejected.Problem("line 1",
          "the header needs a column description or articleNumber (a line is described by one of them)"));
    }
    if (!problems.isEmpty()) {
      throw new InvoiceFileRejected(problems);
    }
    return columns;
  }

  /**
   * Whether the head of the file holds the end of its header row: the first line with more than blanks,
   * separators and quotes ends in it (outside quotes).
   */
  private static boolean hasHeaderRow(char[] head) {
    boolean quoted = false;
    boolean content = false;
    for (char c : head) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        if (content) {
          return true;
        }
      } else if (!Character.isWhitespace(c) && c != ';' && c != ',') {
        content = true;
      }
    }
    return false;
  }

  /** The separator the header row uses most (outside quotes). */
  private static char separatorOf(String head) {
    int[] counts = new int[SEPARATORS.length];
    boolean quoted = false;
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        for (int s = 0; s < SEPARATORS.length; s++) {
          counts[s] += c == SEPARATORS[s] ? 1 : 0;
        }
      }
    }
    int best = 0;
    for (int s = 1; s < SEPARATORS.length; s++) {
      best = counts[s] > counts[best] ? s : best;
    }
    return SEPARATORS[best];
  }

  static String printable(char separator) {
    return separator == '\t' ? "tab" : String.valueOf(separator);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
