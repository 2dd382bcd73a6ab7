package io.fordra.task;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * How {@link FormAnswerCheck} knows what a completion set: the engine adapter that records it. Fordra's task and
 * form services (installed by {@link EngineTaskRules}) run every completion (TaskService.complete, engine REST's and
 * Tasklist's complete and submit-form) as one of the commands here. As it starts, before anything is set, the command takes its
 * {@link Submission}: the variables it was sent, and their values as the task showed them. The complete listeners
 * then read it from the running command.
 *
 * <p>Why not compare the task's variables afterwards, or look for the variables this command inserted or updated in
 * the engine's entity cache: by the time the complete listeners run the sent values are set (on the task, its
 * execution or the process instance), the old values are gone, and setting a variable to the value it had also
 * counts as an update (its sequence counter moves). Only the command knows what was sent and what the form showed.
 */
public final class EngineCompletions {

  /** What one completion sent, and those variables' values before it (as the task showed them). */
  public record Submission(String taskId, Map<String, Object> sent, Map<String, Object> before) {

    /** Taken as the command starts, before anything is set. */
    static Submission of(CommandContext commandContext, String taskId, Map<String, Object> variables) {
      Map<String, Object> sent = values(variables == null ? Variables.createVariables() : Variables.fromMap(variables));
      Map<String, Object> before = new HashMap<>();
      TaskEntity task = taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
      if (task != null) {
        sent.keySet().forEach(name -> before.put(name, plain(task.getVariableTyped(name, false))));
      }
      return new Submission(taskId, sent, before);
    }
  }

  /** A completion command that knows its submission once it runs. */
  private interface Submitting {
    Submission submission();
  }

  private EngineCompletions() {}

  /** The completion of this task that is running now, if it came through the task or form service. */
  public static Optional<Submission> of(String taskId) {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    return invocation != null && invocation.getCommand() instanceof Submitting command
        && command.submission() != null && taskId.equals(command.submission().taskId())
        ? Optional.of(command.submission()) : Optional.empty();
  }

  /** TaskService.complete(…): the variables go to the task's execution. */
  static final class CompleteTask extends CompleteTaskCmd implements Submitting {

    private Submission submission;

    CompleteTask(String taskId, Map<String, Object> variables, boolean returnVariables, boolean deserialize) {
      super(taskId, variables, returnVariables, deserialize);
    }

    @Override
    public VariableMap execute(CommandContext commandContext) {
      submission = Submission.of(commandContext, taskId, variables);
      return super.execute(commandContext);
    }

    @Override
    public Submission submission() {
      return submission;
    }
  }

  /** FormService.submitTaskForm(…), what Tasklist uses: the variables go to the task, then up its scopes. */
  static final class SubmitTaskForm extends SubmitTaskFormCmd implements Submitting {

    private Submission submission;

    SubmitTaskForm(String taskId, Map<String, Object> properties, boolean returnVariables, boolean deserialize) {
      super(taskId, properties, returnVariables, deserialize);
    }

    @Override
    public VariableMap execute(CommandContext commandContext) {
      submission = Submission.of(commandContext, taskId, properties);
      return super.execute(commandContext);
    }

    @Override
    public Submission submission() {
      return submission;
    }
  }

  /** The task service whose completions are {@link CompleteTask}. */
  static final class RecordingTaskService extends TaskServiceImpl {

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
      commandExecutor.execute(new CompleteTask(taskId, variables, false, false));
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
                                                     boolean deserializeValues) {
      return commandExecutor.execute(new CompleteTask(taskId, variables, true, deserializeValues));
    }
  }

  /** The form service whose task-form submissions are {@link SubmitTaskForm}. */
  static final class RecordingFormService extends FormServiceImpl {

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
      commandExecutor.execute(new SubmitTaskForm(taskId, properties, false, false));
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
                                                           boolean deserializeValues) {
      return commandExecutor.execute(new SubmitTaskForm(taskId, properties, true, deserializeValues));
    }
  }

  /** Plain Java values (a JSON value not deserialized stays its JSON text). */
  private static Map<String, Object> values(VariableMap variables) {
    Map<String, Object> values = new HashMap<>();
    variables.keySet().forEach(name -> values.put(name, plain(variables.getValueTyped(name))));
    return values;
  }

  private static Object plain(TypedValue value) {
    if (value == null) {
      return null;
    }
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return value.getValue();
  }
}
