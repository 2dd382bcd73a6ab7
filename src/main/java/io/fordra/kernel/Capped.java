package io.fordra.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Bounds on what Fordra says back about bad input, so that the answer stays small whatever was sent (a header of a
 * million columns, a 50 MB value): a problem list keeps its first {@value #ENTRIES} entries and a last one that says
 * how many more there were, a value quoted in a message its first {@value #VALUE_CHARS} characters.
 */
public final class Capped {

  public static final int ENTRIES = 200;
  public static final int VALUE_CHARS = 100;
  /** Problems named in an exception's message (the answer's "detail"); "errors" lists more. */
  static final int IN_MESSAGE = 10;
  /**
   * Longest field name and message kept in a Violation or Problem: every message Fordra writes is shorter, so these
   * cut only what echoes input at length without using {@link #quote(String)}.
   */
  static final int FIELD_CHARS = 200;
  static final int MESSAGE_CHARS = 2000;

  private Capped() {}

  /** The first {@value #ENTRIES} entries, then andMore(how many were left out) when there were more. */
  public static <T> List<T> list(List<T> all, IntFunction<T> andMore) {
    if (all.size() <= ENTRIES) {
      return List.copyOf(all);
    }
    List<T> shown = new ArrayList<>(all.subList(0, ENTRIES));
    shown.add(andMore.apply(all.size() - ENTRIES));
    return List.copyOf(shown);
  }

  /** "and 800 more": the text of the last entry of a capped list. */
  public static String more(int leftOut) {
    return "and " + leftOut + " more";
  }

  /**
   * The value as it may stand in a message: control characters (a line break that would fake a line of a report) as
   * spaces, at most {@value #VALUE_CHARS} characters, then "…".
   */
  public static String value(String value) {
    return text(value, VALUE_CHARS);
  }

  /** The value in single quotes, as {@link #value(String)}. */
  public static String quote(Object value) {
    return "'" + value(String.valueOf(value)) + "'";
  }

  /** At most max characters (never half a surrogate pair), then "…"; control characters as spaces. */
  static String text(String value, int max) {
    if (value == null) {
      return null;
    }
    String shown = value;
    if (value.length() > max) {
      int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
      shown = value.substring(0, end) + "…";
    }
    return shown.replaceAll("\\p{Cntrl}", " ");
  }

  /** One line for an exception's message: the one problem, or "N problems: a; b; … and M more". */
  public static String summary(List<?> problems) {
    if (problems.size() == 1) {
      return problems.get(0).toString();
    }
    String first = problems.stream().limit(IN_MESSAGE).map(Object::toString).collect(Collectors.joining("; "));
    return problems.size() + " problems: " + first
        + (problems.size() > IN_MESSAGE ? "; … " + more(problems.size() - IN_MESSAGE) : "");
  }
}
