package io.fordra.process;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** {@link UserTasks} on Camunda; called inside a running command, it joins that command's transaction. */
@Component
class EngineUserTasks implements UserTasks {

  private final TaskService tasks;
  private final IdentityService identities;

  EngineUserTasks(TaskService tasks, IdentityService identities) {
    this.tasks = tasks;
    this.identities = identities;
  }

  @Override
  public void comment(String taskId, String processInstanceId, String text) {
    tasks.createComment(taskId, processInstanceId, text);
  }

  @Override
  public Optional<OpenTask> openTask(String processInstanceId, String taskDefinitionKey) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
    if (task == null) {
      return Optional.empty();
    }
    User user = task.getAssignee() == null ? null : identities.createUserQuery().userId(task.getAssignee())
        .singleResult();
    return Optional.of(new OpenTask(task.getId(), user == null ? null : user.getEmail()));
  }
}
