package io.fordra.kernel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every problem with a request before anything is stored, then throws them all at once. */
public class Violations {

  /** Nothing Fordra handles is larger than this; larger numbers are typing errors. */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

  private static final String REQUIRED = "is required";

  private final List<Violation> list = new ArrayList<>();

  public Violations add(String field, String message) {
    list.add(new Violation(field, message));
    return this;
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<Violation> list() {
    return List.copyOf(list);
  }

  public void throwIfAny() {
    if (!list.isEmpty()) {
      throw new InvalidRequestException(list);
    }
  }

  /**
   * As {@link #throwIfAny()}, where a required field is missing saying more (": a PUT replaces the whole article"):
   * the client may have meant a PATCH.
   */
  public void throwIfAny(String whenMissing) {
    Violations said = new Violations();
    list.forEach(v -> said.add(v.field(), REQUIRED.equals(v.message()) ? REQUIRED + whenMissing : v.message()));
    said.throwIfAny();
  }

  /** Required text with a maximum length; returns whether it is usable. */
  public boolean text(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      add(field, REQUIRED);
      return false;
    }
    return optionalText(field, value, maxLength);
  }

  public boolean optionalText(String field, String value, int maxLength) {
    if (value != null && value.length() > maxLength) {
      add(field, "is longer than " + maxLength + " characters");
      return false;
    }
    return true;
  }

  /** A required invoice, customer or article number (Identifiers' rule); returns whether it is usable. */
  public boolean number(String field, String value) {
    if (value == null || value.isBlank()) {
      add(field, REQUIRED);
      return false;
    }
    if (!Identifiers.isValid(value)) {
      add(field, Identifiers.problem(value));
      return false;
    }
    return true;
  }

  public boolean required(String field, Object value) {
    if (value == null) {
      add(field, REQUIRED);
      return false;
    }
    return true;
  }

  public void email(String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        add(field, REQUIRED);
      }
      return;
    }
    if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
      add(field, "is not an e-mail address");
    }
  }

  /** An amount in the invoice currency: at most 2 decimals and less than 10^12 in absolute value. */
  public boolean amount(String field, BigDecimal value) {
    if (!required(field, value)) {
      return false;
    }
    if (value.abs().compareTo(MAX_AMOUNT) >= 0) {
      add(field, "is larger than " + MAX_AMOUNT.toPlainString());
      return false;
    }
    if (value.stripTrailingZeros().scale() > 2) {
      add(field, "has more than 2 decimals");
      return false;
    }
    return true;
  }
}
