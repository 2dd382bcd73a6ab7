package io.fordra.ledger;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small SIE 4 reader for the tests, written from the specification and independent of {@link SieExport}: reads
 * the bytes as code page 437, insists on CRLF line ends, splits records into fields (quoted fields with \" and \\
 * escapes, {} object lists) and gathers the header records, the accounts and the verifications.
 */
final class SieFile {

  record Trans(String account, BigDecimal amount, String text) {}

  record Ver(String series, String number, LocalDate date, String text, List<Trans> trans) {
    BigDecimal sum() {
      return trans.stream().map(Trans::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** Every record outside the verifications, by label, each as its fields (label excluded), in file order. */
  final Map<String, List<List<String>>> records = new LinkedHashMap<>();
  final Map<String, String> accounts = new LinkedHashMap<>();
  final List<Ver> verifications = new ArrayList<>();
  final List<String> lines;

  private SieFile(List<String> lines) {
    this.lines = lines;
  }

  static SieFile parse(byte[] bytes) {
    String text = new String(bytes, Charset.forName("IBM437"));
    if (!text.endsWith("\r\n")) {
      throw new IllegalArgumentException("the file does not end with CRLF");
    }
    List<String> lines = List.of(text.substring(0, text.length() - 2).split("\r\n", -1));
    for (String line : lines) {
      if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a line end that is not CRLF in: " + line);
      }
    }
    SieFile sie = new SieFile(lines);
    Ver open = null;
    boolean inBlock = false;
    for (String line : lines) {
      List<String> fields = fields(line.strip());
      if (fields.isEmpty()) {
        continue;
      }
      String label = fields.get(0);
      List<String> rest = fields.subList(1, fields.size());
      switch (label) {
        case "#VER" -> {
          if (open != null) {
            throw new IllegalArgumentException("#VER inside a verification: " + line);
          }
          open = new Ver(rest.get(0), rest.get(1), LocalDate.parse(rest.get(2), DateTimeFormatter.BASIC_ISO_DATE),
              rest.size() > 3 ? rest.get(3) : "", new ArrayList<>());
        }
        case "{" -> {
          if (open == null || inBlock) {
            throw new IllegalArgumentException("{ without #VER");
          }
          inBlock = true;
        }
        case "}" -> {
          if (!inBlock) {
            throw new IllegalArgumentException("} without {");
          }
          sie.verifications.add(open);
          open = null;
          inBlock = false;
        }
        case "#TRANS" -> {
          if (!inBlock) {
            throw new IllegalArgumentException("#TRANS outside a verification: " + line);
          }
          if (!rest.get(1).startsWith("{") || !rest.get(1).endsWith("}")) {
            throw new IllegalArgumentException("#TRANS without an object list: " + line);
          }
          if (!rest.get(2).matches("-?\\d+(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("not a SIE amount: " + rest.get(2));
          }
          open.trans().add(new Trans(rest.get(0), new BigDecimal(rest.get(2)), rest.size() > 4 ? rest.get(4) : ""));
        }
        default -> {
          if (open != null) {
            throw new IllegalArgumentException(label + " inside a verification");
          }
          if (label.equals("#KONTO")) {
            sie.accounts.put(rest.get(0), rest.get(1));
          }
          sie.records.computeIfAbsent(label, l -> new ArrayList<>()).add(List.copyOf(rest));
        }
      }
    }
    if (open != null) {
      throw new IllegalArgumentException("the last verification is not closed");
    }
    return sie;
  }

  /** The fields of the first record with this label. */
  List<String> first(String label) {
    List<List<String>> all = records.get(label);
    if (all == null) {
      throw new AssertionError("no " + label + " in the file");
    }
    return all.get(0);
  }

  /** The sum of every #TRANS per account. */
  Map<String, BigDecimal> sumsByAccount() {
    Map<String, BigDecimal> sums = new TreeMap<>();
    verifications.forEach(v -> v.trans().forEach(t -> sums.merge(t.account(), t.amount(), BigDecimal::add)));
    return sums;
  }

  /** A record's fields: separated by spaces or tabs; "quoted" with \-escapes; {an object list} as one field. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
      } else if (c == '"') {
        StringBuilder field = new StringBuilder();
        i++;
        while (true) {
          if (i >= line.length()) {
            throw new IllegalArgumentException("unterminated quote in: " + line);
          }
          char q = line.charAt(i++);
          if (q == '\\' && i < line.length()) {
            field.append(line.charAt(i++));
          } else if (q == '"') {
            break;
          } else {
            field.append(q);
          }
        }
        if (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
          throw new IllegalArgumentException("text right after a closing quote in: " + line);
        }
        fields.add(field.toString());
      } else if (c == '{' && !fields.isEmpty()) {
        int end = line.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated object list in: " + line);
        }
        fields.add(line.substring(i, end + 1));
        i = end + 1;
      } else {
        int end = i;
        while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '\t') {
          if (line.charAt(end) == '"') {
            throw new IllegalArgumentException("a quote inside an unquoted field in: " + line);
          }
          end++;
        }
        fields.add(line.substring(i, end));
        i = end;
      }
    }
    return fields;
  }
}
