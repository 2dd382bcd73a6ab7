package io.fordra.task;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.springframework.stereotype.Component;

/**
 * Who holds a task. A person claims an unclaimed task for themselves, and may give back their own; every other change
 * of assignee (taking a colleague's task, claiming on someone's behalf, delegating), and completing a task someone
 * else holds, needs the engine's TASK_ASSIGN permission (administrators; Fordra's API). The engine lets TASK_WORK
 * claim with no user, which unclaims anyone's task, and complete a task whoever holds it: this closes both.
 *
 * <p>Attached to every user task by {@link EngineTaskRules}, on "update" (which the engine fires for claims and assignee
 * changes with the old assignee still known) and "complete". Calls without an authenticated user are Fordra's own.
 */
@Component
public class TaskHolders implements TaskListener {

  @Override
  public void notify(DelegateTask delegateTask) {
    String user = Context.getCommandContext().getAuthenticatedUserId();
    if (user == null) {
      return;
    }
    TaskEntity task = (TaskEntity) delegateTask;
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      if (task.getAssignee() != null && !user.equals(task.getAssignee())) {
        requireTaskAssign(task);
      }
      return;
    }
    PropertyChange assignee = task.getPropertyChanges().get(TaskEntity.ASSIGNEE);
    if (assignee == null) {
      return;
    }
    String before = assignee.getOrgValueString();
    String after = assignee.getNewValueString();
    boolean claimsForThemselves = before == null && user.equals(after);
    boolean givesBackTheirOwn = user.equals(before) && after == null;
    boolean resolvesADelegation = task.getDelegationState() == DelegationState.RESOLVED
        && Objects.equals(after, task.getOwner());
    if (!claimsForThemselves && !givesBackTheirOwn && !resolvesADelegation) {
      requireTaskAssign(task);
    }
  }

  /** The engine's own check (TASK_ASSIGN or UPDATE on the task or its process definition; admins pass). */
  private static void requireTaskAssign(TaskEntity task) {
    CommandContext context = Context.getCommandContext();
    boolean checking = context.isAuthorizationCheckEnabled();
    // The engine runs listeners with authorization checks off (authorizationEnabledForCustomCode); this is one.
    context.enableAuthorizationCheck();
    try {
      for (CommandChecker checker : Context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskAssign(task);
      }
    } finally {
      if (!checking) {
        context.disableAuthorizationCheck();
      }
    }
  }
}
