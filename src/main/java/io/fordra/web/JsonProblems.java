package io.fordra.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;

/** What StrictJsonInput refuses, said in the client's terms: the property (its path) and what it should be. */
final class JsonProblems {

  private JsonProblems() {}

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
