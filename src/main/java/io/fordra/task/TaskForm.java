package io.fordra.task;

import io.fordra.process.ProcessVariable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A Camunda Form of forms/ as Fordra's Java knows it, declared once (one bean per form, beside the process that shows
 * it): its id (the {@code camunda:formRef}), the read-only fields it shows, and the fields a person answers. The task's
 * create listener fills the shown fields through {@link #values()}, the complete listeners read the answer through the
 * same typed variables, and the completion check ({@link FormAnswerCheck}) refuses what the declaration does not name.
 * FormsTest holds each declaration against its .form file, so a field renamed on one side only fails the build.
 */
public abstract class TaskForm {

  private final String id;
  private final List<ProcessVariable<?>> shows;
  private final List<ProcessVariable<?>> asks;

  /**
   * @param shows the read-only fields (filled in by the task's create listener, or process variables it shows)
   * @param asks  the answer: the fields a person fills in (the form's inputs)
   */
  protected TaskForm(String id, List<ProcessVariable<?>> shows, List<ProcessVariable<?>> asks) {
    this.id = id;
    this.shows = List.copyOf(shows);
    this.asks = List.copyOf(asks);
    Set<String> names = new LinkedHashSet<>();
    for (ProcessVariable<?> field : fields()) {
      if (!names.add(field.name())) {
        throw new IllegalArgumentException("Form " + id + " declares " + field.name() + " twice");
      }
    }
  }

  /** The form's id, as {@code camunda:formRef} names it and Tasklist deploys it. */
  public final String id() {
    return id;
  }

  public final List<ProcessVariable<?>> shows() {
    return shows;
  }

  public final List<ProcessVariable<?>> asks() {
    return asks;
  }

  /** The keys of the answer's fields. */
  public final Set<String> inputs() {
    return names(asks);
  }

  /** The keys of every field, shown or asked. */
  public final Set<String> keys() {
    return names(fields());
  }

  /** What the task shows, built field by field; only fields of this form are taken. */
  public final Values values() {
    return new Values(this);
  }

  /**
   * Forgets an earlier answer in this scope (local variables set to null), so a task answers for itself: parallel
   * tasks would otherwise see, and could submit again, one another's answers at the process level.
   */
  public final void clearAnswer(VariableScope scope) {
    asks.forEach(field -> scope.setVariableLocal(field.name(), null));
  }

  private List<ProcessVariable<?>> fields() {
    List<ProcessVariable<?>> all = new ArrayList<>(shows);
    all.addAll(asks);
    return all;
  }

  private static Set<String> names(List<ProcessVariable<?>> fields) {
    Set<String> names = new LinkedHashSet<>();
    fields.forEach(field -> names.add(field.name()));
    return Collections.unmodifiableSet(names);
  }

  @Override
  public String toString() {
    return "form " + id;
  }

  /** The values a task shows in its form (an asked field may be filled in too, e.g. a reply already written). */
  public static final class Values {

    private final TaskForm form;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Values(TaskForm form) {
      this.form = form;
    }

    public <T> Values put(ProcessVariable<T> field, T value) {
      if (!form.keys().contains(field.name())) {
        throw new IllegalArgumentException(field.name() + " is not a field of " + form);
      }
      values.put(field.name(), value);
      return this;
    }

    /** The variables as they go on the task. */
    public Map<String, Object> asMap() {
      return Collections.unmodifiableMap(values);
    }

    /** Puts them on the task (task-local: each task shows its own). */
    public void showOn(VariableScope task) {
      task.setVariablesLocal(values);
    }
  }
}
