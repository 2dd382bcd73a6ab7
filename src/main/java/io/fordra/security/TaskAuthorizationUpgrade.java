package io.fordra.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasks created before Fordra granted TASK_WORK carry the engine's old default on each task: READ and UPDATE for
 * their candidate groups and assignee, which lets any of them set variables and take the task from a colleague. At
 * start-up those grants become what a new task gets (READ, TASK_WORK, READ_VARIABLE). Only grants that are exactly
 * such an engine default are converted (a per-task grant of READ and UPDATE, perhaps READ_VARIABLE); anything an
 * administrator granted beyond that is left as it is.
 */
@Component
class TaskAuthorizationUpgrade {

  private static final Logger log = LoggerFactory.getLogger(TaskAuthorizationUpgrade.class);

  /** What the engine granted per task while UPDATE was the default task permission (NONE is always "granted"). */
  private static final Set<TaskPermissions> OLD_DEFAULT = EnumSet.of(TaskPermissions.NONE, TaskPermissions.READ,
      TaskPermissions.UPDATE, TaskPermissions.READ_VARIABLE);

  private final AuthorizationService authorizations;

  public TaskAuthorizationUpgrade(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /** Converts the old per-task grants; returns how many. */
  @EventListener(PostDeployEvent.class)
  @Order(3)
  public int upgrade() {
    List<Authorization> old = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.TASK)
        .hasPermission(TaskPermissions.UPDATE).list().stream()
        .filter(a -> !Authorization.ANY.equals(a.getResourceId()))
        .filter(a -> OLD_DEFAULT.containsAll(List.of(a.getPermissions(TaskPermissions.values()))))
        .toList();
    int converted = 0;
    for (Authorization authorization : old) {
      authorization.removePermission(TaskPermissions.UPDATE);
      authorization.addPermission(TaskPermissions.TASK_WORK);
      authorization.addPermission(TaskPermissions.READ_VARIABLE);
      try {
        authorizations.saveAuthorization(authorization);
        converted++;
      } catch (ProcessEngineException e) {
        // Another node converted it at the same moment (or the task ended meanwhile).
        log.debug("Task authorization {} not converted: {}", authorization.getId(), e.getMessage());
      }
    }
    if (converted > 0) {
      log.info("Converted {} task authorizations from UPDATE to TASK_WORK and READ_VARIABLE", converted);
    }
    return converted;
  }
}
