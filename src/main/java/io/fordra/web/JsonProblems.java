package io.fordra.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.fordra.kernel.Violation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;

/** What StrictJsonInput refuses, said in the client's terms: the property (its path) and what it should be. */
final class JsonProblems {

  /** Jackson names a duplicate only in its message ("Duplicate field 'name'"); no exception type says it. */
  private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");

  static final String NUL = "must not contain the NUL character (\\u0000)";

  private JsonProblems() {}

  /**
   * The body's own faults that the parser finds (spring.jackson settings in application.yaml): a property given twice,
   * content after the JSON value, a number or text beyond the parser's limits. Said in the client's terms, never in
   * Jackson's; null for every other JSON problem.
   */
  static Violation bodyFault(Throwable cause) {
    if (cause instanceof StreamConstraintsException limit) {
      StreamReadConstraints limits = StreamReadConstraints.defaults();
      String message = limit.getOriginalMessage();
      String what = message.startsWith("Number") ? "a number of more than " + limits.getMaxNumberLength() + " digits"
          : message.startsWith("String") ? "a text of more than " + limits.getMaxStringLength() + " characters"
          : message.startsWith("Document nesting") ? "nested deeper than " + limits.getMaxNestingDepth() + " levels"
          : "larger than this API reads";
      return new Violation(path(limit, null), what);
    }
    if (cause instanceof JsonParseException parse) {
      Matcher duplicate = DUPLICATE.matcher(parse.getOriginalMessage());
      if (duplicate.find()) {
        return new Violation(path(parse, duplicate.group(1)), "is given twice");
      }
    }
    if (cause instanceof MismatchedInputException trailing && trailing.getPath().isEmpty()
        && trailing.getOriginalMessage().startsWith("Trailing token")) {
      return new Violation("body", "more content after the JSON value"
          + (trailing.getLocation() == null ? "" : " at line " + trailing.getLocation().getLineNr() + ", column "
          + trailing.getLocation().getColumnNr()) + ": a request body is one JSON value");
    }
    return null;
  }

  /** Where the parser stood, as a property path ("address.city", "lines[2].amount"); "body" at the top. */
  private static String path(JsonProcessingException e, String field) {
    Deque<String> parts = new ArrayDeque<>();
    if (field != null) {
      parts.push(field);
    }
    if (e.getProcessor() instanceof JsonParser parser) {
      JsonStreamContext context = parser.getParsingContext();
      if (field != null && context != null) {
        context = context.getParent();
      }
      for (; context != null && !context.inRoot(); context = context.getParent()) {
        parts.push(context.inArray() ? "[" + Math.max(context.getCurrentIndex(), 0) + "]"
            : context.getCurrentName() == null ? "" : context.getCurrentName());
      }
    }
    String path = String.join(".", parts).replace(".[", "[").replaceAll("^\\.+|\\.+$", "");
    return path.isEmpty() ? "body" : path;
  }

  /**
   * Why the property at the exception's path is refused, for an unknown property or a scalar given for a string;
   * null for every other JSON problem.
   */
  static String strictInput(Throwable cause) {
    if (cause instanceof PropertyBindingException unknown) {
      return "is not a property of this resource" + known(unknown.getKnownPropertyIds());
    }
    if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class
        && (invalid.getValue() instanceof Number || invalid.getValue() instanceof Boolean)) {
      String given = invalid.getValue() instanceof Number ? "a number" : "a boolean";
      return "must be a JSON string (text in quotes), not " + given + " (" + invalid.getValue() + ")";
    }
    if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class
        && invalid.getOriginalMessage().endsWith(NUL)) {
      return NUL;
    }
    return null;
  }

  private static String known(Collection<Object> ids) {
    if (ids == null || ids.isEmpty()) {
      return "";
    }
    TreeSet<String> names = new TreeSet<>();
    ids.forEach(id -> names.add(Objects.toString(id)));
    return "; known properties: " + String.join(", ", names);
  }
}
