package io.fordra.security;

import static io.fordra.security.StaffGroups.AUDITORS;
import static io.fordra.security.StaffGroups.CASE_HANDLERS;
import static io.fordra.security.StaffGroups.FINANCE;
import static io.fordra.security.StaffGroups.PROCESS_OWNERS;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each of Fordra's groups may do in the engine, Tasklist and Cockpit (authorization checks are on), created at
 * start-up where missing. Tasks reach their candidate groups and assignee by the engine's default task permission,
 * TASK_WORK (claim and complete; application.yaml), with READ_VARIABLE, since variables are read only by specific
 * permissions (enforce-specific-variable-permission). Only administrators and {@link #API_GROUP} change variables.
 * Case handlers and finance read only the Tasklist filters shipped for their group (task.EngineTaskFilters).
 * <ul>
 *   <li>case-handlers and finance: Tasklist, their tasks and those tasks' variables, read the processes and their
 *       history (not its variables);</li>
 *   <li>process-owners: Cockpit and Tasklist, deploy and read models, read instances, their variables and history;</li>
 *   <li>auditors: Cockpit, read everything incl. variables and history; no update, retry, cancel or modification.</li>
 * </ul>
 */
@Component
public class RoleAuthorizations {

  /**
   * Held by every /api request besides the caller's own groups (never by a Tasklist, Cockpit or /engine-rest
   * session): /api decides by {@link ApiRules}, and the process steps of an allowed call then run. Do not create a
   * real group with this id.
   */
  public static final String API_GROUP = "fordra-api";

  private record Grant(String group, Resource resource, String resourceId, Permission... permissions) {}

  private static final List<Grant> GRANTS = List.of(
      new Grant(CASE_HANDLERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(CASE_HANDLERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY),
      new Grant(CASE_HANDLERS, Resources.DEPLOYMENT, "*", Permissions.READ),
      new Grant(FINANCE, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(FINANCE, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY),
      new Grant(FINANCE, Resources.DEPLOYMENT, "*", Permissions.READ),
      new Grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      new Grant(PROCESS_OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(PROCESS_OWNERS, Resources.FILTER, "*", Permissions.READ),
      new Grant(PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ, Permissions.DELETE),
      new Grant(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
          Permissions.READ_INSTANCE, Permissions.UPDATE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
          ProcessDefinitionPermissions.READ_HISTORY_VARIABLE),
      new Grant(PROCESS_OWNERS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
          Permissions.UPDATE),
      new Grant(PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ),
      new Grant(PROCESS_OWNERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ),
      new Grant(AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      new Grant(AUDITORS, Resources.DEPLOYMENT, "*", Permissions.READ),
      new Grant(AUDITORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
          Permissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
          ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
          ProcessDefinitionPermissions.READ_TASK_VARIABLE),
      new Grant(AUDITORS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY),
      new Grant(AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ),
      new Grant(AUDITORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ),
      new Grant(AUDITORS, Resources.TASK, "*", Permissions.READ, TaskPermissions.READ_VARIABLE),
      new Grant(AUDITORS, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ,
          HistoricTaskPermissions.READ_VARIABLE),
      new Grant(AUDITORS, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ),
      new Grant(API_GROUP, Resources.PROCESS_DEFINITION, "*", Permissions.ALL),
      new Grant(API_GROUP, Resources.PROCESS_INSTANCE, "*", Permissions.ALL),
      new Grant(API_GROUP, Resources.TASK, "*", Permissions.ALL),
      new Grant(API_GROUP, Resources.DEPLOYMENT, "*", Permissions.READ),
      new Grant(API_GROUP, Resources.DECISION_DEFINITION, "*", Permissions.ALL),
      new Grant(API_GROUP, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.ALL),
      new Grant(API_GROUP, Resources.HISTORIC_PROCESS_INSTANCE, "*",
          HistoricProcessInstancePermissions.ALL));

  private final AuthorizationService authorizations;

  public RoleAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener(PostDeployEvent.class)
  @Order(2)
  public void grant() {
    for (Grant grant : GRANTS) {
      try {
        Authorization existing = authorizations.createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(grant.group())
            .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
        Authorization authorization = existing != null ? existing
            : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.group());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        for (Permission permission : grant.permissions()) {
          authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
      } catch (ProcessEngineException e) {
        // Another node starting at the same moment saved it first; the next start completes what is missing.
        if (authorizations.createAuthorizationQuery().groupIdIn(grant.group()).resourceType(grant.resource())
            .resourceId(grant.resourceId()).count() == 0) {
          throw e;
        }
      }
    }
  }
}
