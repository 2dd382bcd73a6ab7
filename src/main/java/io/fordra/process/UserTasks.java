package io.fordra.process;

/**
 * What delegates and task listeners ask of the engine's user tasks beyond their own DelegateTask: its port, so that
 * only {@link EngineUserTasks} talks to the engine's task and identity services.
 */
public interface UserTasks {

  /** Keeps text as a comment on the task, in the engine's history (evidence of who answered what). */
  void comment(String taskId, String processInstanceId, String text);

  /** The instance's open task of that definition, and the e-mail address of whoever holds it (null if nobody). */
  java.util.Optional<OpenTask> openTask(String processInstanceId, String taskDefinitionKey);

  record OpenTask(String id, String assigneeEmail) {}
}
