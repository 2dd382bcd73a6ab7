package io.fordra.paymentplan;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.kernel.Capped;
import io.fordra.kernel.Violations;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The body of POST /api/payment-plans read field by field, so that one answer names every problem at once: unknown
 * properties, wrong JSON types, dates that are no dates and an unknown kind together, then {@link PlanRequestDoor}'s
 * rules (a body bound by Jackson stops at its first problem). As strict as the rest of /api (StrictJsonInput): no
 * number for a text, no NUL in a text.
 */
final class PlanRequestJson {

  private static final Set<String> PROPERTIES = new TreeSet<>(List.of("customerNumber", "invoiceNumbers", "kind",
      "instalments", "firstDueDate", "deferTo", "note"));
  private static final String NUL = "must not contain the NUL character (\\u0000)";

  private PlanRequestJson() {}

  /**
   * The request, asked by {@code user} as {@code requestedBy}.
   *
   * @throws io.fordra.kernel.InvalidRequestException with every problem
   */
  static PlanRequest read(JsonNode body, PlanRequest.RequestedBy requestedBy, String user, int maxInstalments) {
    Violations violations = new Violations();
    if (body == null || !body.isObject()) {
      violations.add("body", "must be a JSON object");
      violations.throwIfAny();
    }
    body.fieldNames().forEachRemaining(name -> {
      if (!PROPERTIES.contains(name)) {
        violations.add(name, "is not a property of this resource; known properties: "
            + String.join(", ", PROPERTIES));
      }
    });
    String customerNumber = text(body, "customerNumber", violations);
    List<String> invoiceNumbers = invoiceNumbers(body, violations);
    PlanKind kind = kind(body, violations);
    Integer instalments = instalments(body, violations);
    LocalDate firstDueDate = date(body, "firstDueDate", violations);
    LocalDate deferTo = date(body, "deferTo", violations);
    String note = text(body, "note", violations);
    PlanRequest request = new PlanRequest(customerNumber, invoiceNumbers, kind, instalments, firstDueDate, deferTo,
        note, requestedBy, user);
    // The rules on values too, but not again for a field whose value was refused already (it reads as missing).
    Set<String> refused = new java.util.HashSet<>();
    violations.list().forEach(v -> refused.add(v.field()));
    Violations rules = new Violations();
    PlanRequestDoor.check(request, maxInstalments, rules);
    rules.list().stream().filter(v -> !refused.contains(v.field()))
        .forEach(v -> violations.add(v.field(), v.message()));
    violations.throwIfAny();
    return request;
  }

  private static String text(JsonNode body, String field, Violations violations) {
    JsonNode node = body.get(field);
    if (absent(node)) {
      return null;
    }
    if (!node.isTextual()) {
      violations.add(field, "must be a JSON string (text in quotes), not " + type(node));
      return null;
    }
    if (node.textValue().indexOf('\u0000') >= 0) {
      violations.add(field, NUL);
      return null;
    }
    return node.textValue();
  }

  private static List<String> invoiceNumbers(JsonNode body, Violations violations) {
    JsonNode node = body.get("invoiceNumbers");
    if (absent(node)) {
      return null;
    }
    if (!node.isArray()) {
      violations.add("invoiceNumbers", "must be a JSON array of invoice numbers, not " + type(node));
      return null;
    }
    if (node.size() > PlanRequestDoor.MAX_INVOICES) {
      // Said once for the list, not once for each of its thousands of entries.
      violations.add("invoiceNumbers", "has " + node.size() + " invoices; a plan covers at most "
          + PlanRequestDoor.MAX_INVOICES);
      return null;
    }
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode number = node.get(i);
      if (!number.isTextual()) {
        violations.add("invoiceNumbers[" + i + "]", "must be a JSON string (text in quotes), not " + type(number));
        numbers.add(null);   // keeps the others' indexes for the rules
      } else {
        numbers.add(number.textValue());
      }
    }
    return numbers;
  }

  private static PlanKind kind(JsonNode body, Violations violations) {
    String kind = text(body, "kind", violations);
    if (kind == null) {
      return null;
    }
    try {
      return PlanKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      violations.add("kind", Capped.quote(kind) + " is not one of " + Arrays.toString(PlanKind.values()));
      return null;
    }
  }

  private static Integer instalments(JsonNode body, Violations violations) {
    JsonNode node = body.get("instalments");
    if (absent(node)) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      violations.add("instalments", "must be a whole number (JSON number), not " + type(node));
      return null;
    }
    return node.intValue();
  }

  private static LocalDate date(JsonNode body, String field, Violations violations) {
    String date = text(body, field, violations);
    if (date == null) {
      return null;
    }
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      violations.add(field, Capped.quote(date) + " is not a date (YYYY-MM-DD)");
      return null;
    }
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  /** The JSON type of a value, quoted for a scalar. */
  private static String type(JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "text (" + Capped.quote(node.textValue()) + ")";
    }
    if (node.isNumber()) {
      return "a number (" + Capped.value(node.asText()) + ")";
    }
    if (node.isBoolean()) {
      return "a boolean (" + node.asText() + ")";
    }
    return node.isArray() ? "an array" : "an object";
  }
}
