package io.fordra.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A typed process variable: its name is spelled once, in the class of its process, and read or written only
 * through here (in the spirit of holunda-io/camunda-bpm-data).
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  /** The value, or null where the variable is not set. Numbers are converted, since Tasklist submits them untyped. */
  public T from(VariableScope scope) {
    return convert(scope.getVariable(name));
  }

  public T from(VariableScope scope, T fallback) {
    T value = from(scope);
    return value == null ? fallback : value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  /** Set for the rest of this transaction only (e.g. the inputs of a decision table): never stored. */
  public void setTransient(VariableScope scope, T value) {
    scope.setVariableLocal(name, Variables.untypedValue(value, true));
  }

  @SuppressWarnings("unchecked")
  public T convert(Object value) {
    if (value == null || type.isInstance(value)) {
      return (T) value;
    }
    if (value instanceof Number number) {
      if (type == Integer.class) {
        return (T) Integer.valueOf(number.intValue());
      }
      if (type == Long.class) {
        return (T) Long.valueOf(number.longValue());
      }
    }
    if (type == String.class) {
      return (T) value.toString();
    }
    if (type == Boolean.class && value instanceof String text) {
      return (T) Boolean.valueOf(text);
    }
    throw new IllegalStateException("Process variable " + name + " is a " + value.getClass().getSimpleName()
        + ", expected " + type.getSimpleName());
  }
}
