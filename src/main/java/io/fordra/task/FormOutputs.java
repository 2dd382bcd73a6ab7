package io.fordra.task;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.kernel.Violation;
import io.fordra.kernel.Violations;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a Camunda Form asks for, read from the form itself (the form-js schema that Tasklist renders): its fields,
 * which are read-only, required or hidden by a condition, and the values each may take. The completion check
 * ({@link FormAnswerCheck}) reads it from the deployed form; the tests read it from forms/ and hold Fordra's Java
 * declaration of each form ({@link TaskForm}) against it. The rules are form-js 1.8's own (Tasklist 7.24), so what
 * Tasklist lets through passes here too.
 */
public final class FormOutputs {

  /** A form's FEEL expressions (conditions, read-only flags, computed fields, option lists), without the "=". */
  @FunctionalInterface
  public interface Expressions {
    Object evaluate(String feel, Map<String, Object> variables);
  }

  /**
   * One completion: the variables it sent, their values before it (as the form showed them), and every variable the
   * form's expressions may read (the task's variables with the sent ones on top).
   */
  public record Answer(Map<String, Object> sent, Map<String, Object> before, Map<String, Object> variables) {}

  /** A task without a Camunda Form: its completion may set no variable. */
  public static final FormOutputs NONE = new FormOutputs(null, List.of());

  private static final ObjectMapper JSON = new ObjectMapper();

  /** form-js types bound to a variable by their key. */
  private static final Set<String> KEYED = Set.of("textfield", "textarea", "number", "select", "radio", "checkbox",
      "checklist", "taglist", "datetime", "expression", "filepicker");

  /** form-js 1.8's e-mail rule (validationType "email"). */
  private static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9]"
      + "(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");
  /** E.164 as form-js's phone rule reads it: + or 00, then the number without spaces. */
  private static final Pattern PHONE = Pattern.compile("(\\+|00)\\d{4,15}$");

  private final String formId;
  private final Map<String, Field> fields = new LinkedHashMap<>();
  /** Variables the form binds in ways Fordra does not check (paths, nested keys): never accepted. */
  private final Set<String> unchecked = new LinkedHashSet<>();

  private FormOutputs(String formId, List<Component> components) {
    this.formId = formId;
    collect(components);
  }

  /** Reads a form-js schema (a .form file). */
  public static FormOutputs read(InputStream form) throws IOException {
    Schema schema = JSON.readValue(form, Schema.class);
    return new FormOutputs(schema.id(), schema.components() == null ? List.of() : schema.components());
  }

  public String formId() {
    return formId;
  }

  /** Keys of the fields a person fills in: the form's answer (read-only, disabled and computed fields are not). */
  public Set<String> inputs() {
    Set<String> keys = new LinkedHashSet<>();
    fields.values().stream().filter(Field::isInput).forEach(f -> keys.add(f.c.key()));
    return keys;
  }

  /** Keys of every field bound to a variable: the answer's and the read-only ones the form shows. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(fields.keySet());
  }

  /** The form-js type of a field (textfield, number, radio, …), or null where the form has no such field. */
  public String type(String key) {
    Field field = fields.get(key);
    return field == null ? null : field.c.type();
  }

  /** The values a select, radio, checklist or taglist field offers (its static options). */
  public List<String> options(String key) {
    Field field = fields.get(key);
    return field == null || field.c.values() == null ? List.of()
        : field.c.values().stream().map(o -> o.value().asText()).toList();
  }

  /** Every way the answer does not fit the form (empty when it does). */
  public List<Violation> check(Answer answer, Expressions feel) {
    Violations violations = new Violations();
    for (String name : answer.sent().keySet()) {
      if (unchecked.contains(name)) {
        violations.add(name, "is bound by form " + formId + " in a way Fordra does not check (a path or a nested key)");
      } else if (!fields.containsKey(name)) {
        violations.add(name, formId == null ? "cannot be set: this task has no form"
            : "is not a field of form " + formId);
      }
    }
    for (Field field : fields.values()) {
      field.check(answer, feel, violations);
    }
    return violations.list();
  }

  private void collect(List<Component> components) {
    for (Component c : components) {
      if (c.path() != null && !c.path().isBlank()) {
        unchecked.add(c.path().split("\\.")[0]);
      } else if (c.components() != null) {
        collect(c.components());
      }
      if (c.key() == null || c.key().isBlank() || !KEYED.contains(c.type())) {
        continue;
      }
      if (c.key().contains(".")) {
        unchecked.add(c.key().split("\\.")[0]);
      } else {
        fields.put(c.key(), new Field(c));
      }
    }
  }

  /** One keyed field and form-js's rules for it. */
  private record Field(Component c) {

    boolean isInput() {
      return !Boolean.TRUE.equals(c.disabled()) && !(c.readonly() != null && c.readonly().asBoolean(false))
          && !"expression".equals(c.type());
    }

    void check(Answer answer, Expressions feel, Violations violations) {
      String key = c.key();
      boolean sent = answer.sent().containsKey(key);
      Object value = answer.sent().get(key);
      if (Boolean.TRUE.equals(c.disabled()) || isTrue(c.readonly(), answer, feel)) {
        // Tasklist sends read-only fields back with the values it showed: only those are accepted.
        if (sent && !unchanged(answer.before().get(key), value)) {
          violations.add(key, "is read-only in the form");
        }
        return;
      }
      if ("expression".equals(c.type())) {
        if (sent && !same(feel.evaluate(feelText(c.expression()), answer.variables()), value)) {
          violations.add(key, "is computed by the form, not given");
        }
        return;
      }
      if (c.conditional() != null && isTrue(c.conditional().hide(), answer, feel)) {
        if (sent && !empty(value)) {
          violations.add(key, "is not asked for here (the form hides it)");
        }
        return;
      }
      Validate rules = c.validate() == null ? Validate.NONE : c.validate();
      if (missing(value)) {
        if (Boolean.TRUE.equals(rules.required())) {
          violations.add(key, "is required");
        }
        return;
      }
      switch (c.type()) {
        case "textfield", "textarea" -> text(value, rules, answer, feel, violations);
        case "number" -> number(value, rules, answer, feel, violations);
        case "radio", "select" -> {
          List<String> options = options(answer, feel);
          if (!(value instanceof String choice) || !options.contains(choice)) {
            violations.add(key, "is " + describe(value) + ", not one of " + String.join(", ", options));
          }
        }
        case "checklist", "taglist" -> {
          List<String> options = options(answer, feel);
          List<Object> chosen = list(value);
          if (chosen == null || !chosen.stream().allMatch(v -> v instanceof String s && options.contains(s))) {
            violations.add(key, "must be a list of " + String.join(", ", options));
          }
        }
        case "checkbox" -> {
          if (!(value instanceof Boolean)) {
            violations.add(key, "must be true or false");
          }
        }
        case "datetime" -> dateTime(value, violations);
        default -> violations.add(key, "is a " + c.type() + " field, which Fordra does not check");
      }
    }

    private void text(Object value, Validate rules, Answer answer, Expressions feel, Violations violations) {
      if (!(value instanceof String text)) {
        violations.add(c.key(), "must be text");
        return;
      }
      if (text.indexOf('\u0000') >= 0) {
        // Tasklist cannot type it, the engine REST API takes it: PostgreSQL refuses it in text, letters cannot show it.
        violations.add(c.key(), "must not contain the NUL character (\\u0000)");
        return;
      }
      // form-js counts the trimmed text
      int length = text.strip().length();
      BigDecimal min = limit(rules.minLength(), answer, feel);
      BigDecimal max = limit(rules.maxLength(), answer, feel);
      if (min != null && length < min.intValue()) {
        violations.add(c.key(), "must have at least " + min.intValue() + " characters");
      }
      if (max != null && length > max.intValue()) {
        violations.add(c.key(), "must have at most " + max.intValue() + " characters");
      }
      if (rules.pattern() != null && !rules.pattern().isEmpty() && !Pattern.compile(rules.pattern()).matcher(text).find()) {
        violations.add(c.key(), "must match " + rules.pattern());
      }
      if ("email".equals(rules.validationType()) && !EMAIL.matcher(text).matches()) {
        violations.add(c.key(), "must be an e-mail address");
      }
      if ("phone".equals(rules.validationType()) && !PHONE.matcher(text).find()) {
        violations.add(c.key(), "must be an international phone number (e.g. +4930664040900)");
      }
    }

    private void number(Object value, Validate rules, Answer answer, Expressions feel, Violations violations) {
      BigDecimal number = decimal(value, Boolean.TRUE.equals(c.serializeToString()));
      if (number == null) {
        violations.add(c.key(), "must be a number");
        return;
      }
      BigDecimal min = limit(rules.min(), answer, feel);
      BigDecimal max = limit(rules.max(), answer, feel);
      if (min != null && number.compareTo(min) < 0) {
        violations.add(c.key(), "must be at least " + min.toPlainString());
      }
      if (max != null && number.compareTo(max) > 0) {
        violations.add(c.key(), "must be at most " + max.toPlainString());
      }
      if (c.decimalDigits() != null && Math.max(0, number.stripTrailingZeros().scale()) > c.decimalDigits()) {
        violations.add(c.key(), c.decimalDigits() == 0 ? "must be a whole number"
            : "must have at most " + c.decimalDigits() + " decimals");
      }
      BigDecimal increment = decimal(c.increment() == null ? null : c.increment().asText(), true);
      if (increment != null && increment.signum() > 0 && number.remainder(increment).signum() != 0) {
        violations.add(c.key(), "must be a multiple of " + increment.toPlainString());
      }
    }

    private void dateTime(Object value, Violations violations) {
      DateTimeFormatter format = switch (c.subtype() == null ? "date" : c.subtype()) {
        case "time" -> DateTimeFormatter.ISO_TIME;
        case "datetime" -> DateTimeFormatter.ISO_DATE_TIME;
        default -> DateTimeFormatter.ISO_LOCAL_DATE;
      };
      try {
        format.parse((String) value);
      } catch (ClassCastException | DateTimeParseException e) {
        violations.add(c.key(), "must be a " + (c.subtype() == null ? "date" : c.subtype()) + " (ISO 8601)");
      }
    }

    /** The option values: listed in the form, or taken from a variable or a FEEL expression. */
    private List<String> options(Answer answer, Expressions feel) {
      Object source;
      if (c.valuesKey() != null) {
        source = answer.variables().get(c.valuesKey());
      } else if (c.valuesExpression() != null) {
        source = feel.evaluate(feelText(c.valuesExpression()), answer.variables());
      } else {
        return c.values() == null ? List.of() : c.values().stream().map(o -> o.value().asText()).toList();
      }
      List<Object> listed = list(source);
      List<String> values = new ArrayList<>();
      for (Object option : listed == null ? List.of() : listed) {
        values.add(String.valueOf(option instanceof Map<?, ?> m ? m.get("value") : option));
      }
      return values;
    }
  }

  private static boolean isTrue(JsonNode flag, Answer answer, Expressions feel) {
    if (flag == null || flag.isNull()) {
      return false;
    }
    return flag.isTextual() ? isTrue(flag.asText(), answer, feel) : flag.asBoolean(false);
  }

  private static boolean isTrue(String expression, Answer answer, Expressions feel) {
    return expression != null && expression.startsWith("=")
        && Boolean.TRUE.equals(feel.evaluate(feelText(expression), answer.variables()));
  }

  /** A number in the form, or a FEEL expression ("=…") for one. */
  private static BigDecimal limit(JsonNode node, Answer answer, Expressions feel) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual() && node.asText().startsWith("=")) {
      return decimal(feel.evaluate(feelText(node.asText()), answer.variables()), false);
    }
    return decimal(node.asText(), true);
  }

  private static String feelText(String expression) {
    return expression.startsWith("=") ? expression.substring(1) : expression;
  }

  /** A finite number; text only where the form stores numbers as text. */
  private static BigDecimal decimal(Object value, boolean textAllowed) {
    try {
      if (value instanceof Double d) {
        return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
      }
      if (value instanceof Float f) {
        return f.isNaN() || f.isInfinite() ? null : new BigDecimal(f.toString());
      }
      if (value instanceof Number n) {
        return new BigDecimal(n.toString());
      }
      if (value instanceof String text && textAllowed) {
        return new BigDecimal(text.strip());
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  /** A list as Java, JSON text or a JSON node (what Tasklist sends for checklists); null if it is none. */
  private static List<Object> list(Object value) {
    if (value instanceof Collection<?> collection) {
      return new ArrayList<>(collection);
    }
    if (value == null) {
      return null;
    }
    try {
      return JSON.readValue(value.toString(), new TypeReference<List<Object>>() {});
    } catch (IOException e) {
      return null;
    }
  }

  /** form-js's "required": nothing, "", an empty list, or an unticked checkbox. */
  private static boolean missing(Object value) {
    return empty(value) || Boolean.FALSE.equals(value);
  }

  private static boolean empty(Object value) {
    return value == null || "".equals(value) || value instanceof Collection<?> c && c.isEmpty();
  }

  /** A read-only field sent back: the value it had, or empty where it had none. */
  private static boolean unchanged(Object before, Object sent) {
    return before == null ? empty(sent) : same(before, sent);
  }

  private static boolean same(Object a, Object b) {
    if (Objects.equals(a, b)) {
      return true;
    }
    BigDecimal x = decimal(a, false);
    BigDecimal y = decimal(b, false);
    if (x != null && y != null) {
      return x.compareTo(y) == 0;
    }
    return a != null && b != null && !(a instanceof Number) && !(b instanceof Number)
        && a.toString().equals(b.toString());
  }

  private static String describe(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : "a " + value.getClass().getSimpleName();
  }

  // The form-js schema, as far as the check needs it.

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Schema(String id, List<Component> components) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Component(String id, String type, String key, String path, String label, JsonNode readonly,
                           Boolean disabled, Conditional conditional, Validate validate, List<Option> values,
                           String valuesKey, String valuesExpression, Integer decimalDigits, JsonNode increment,
                           Boolean serializeToString, String subtype, String expression,
                           List<Component> components) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Conditional(String hide) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Validate(Boolean required, JsonNode min, JsonNode max, JsonNode minLength, JsonNode maxLength,
                          String pattern, String validationType) {
    static final Validate NONE = new Validate(false, null, null, null, null, null, null);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Option(String label, JsonNode value) {}
}
