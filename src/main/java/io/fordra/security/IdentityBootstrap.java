package io.fordra.security;

import static io.fordra.security.ConcurrentStartup.ensure;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fordra's groups and camunda-admin (which may do everything) exist from the start; then the administrator is set
 * up ({@link AdministratorAccount}).
 */
@Component
class IdentityBootstrap {

  /** The groups that user tasks and (later) authorizations name. */
  public static final List<String> GROUPS = StaffGroups.ROLES;

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final AdministratorAccount administrator;

  public IdentityBootstrap(IdentityService identity, AuthorizationService authorizations,
                           AdministratorAccount administrator) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.administrator = administrator;
  }

  @EventListener(PostDeployEvent.class)
  public void createGroups() {
    for (String id : GROUPS) {
      createGroup(id, id, Groups.GROUP_TYPE_WORKFLOW);
    }
    // As Camunda's own first-admin set-up makes it: every permission on every resource.
    createGroup(Groups.CAMUNDA_ADMIN, "camunda BPM Administrators", Groups.GROUP_TYPE_SYSTEM);
    for (Resource resource : Resources.values()) {
      ensure(() -> authorizations.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN).resourceType(resource)
          .resourceId(Authorization.ANY).count() > 0, () -> {
            Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            all.setGroupId(Groups.CAMUNDA_ADMIN);
            all.setResource(resource);
            all.setResourceId(Authorization.ANY);
            all.addPermission(Permissions.ALL);
            authorizations.saveAuthorization(all);
          });
    }
    administrator.setUp();
  }

  private void createGroup(String id, String name, String type) {
    ensure(() -> identity.createGroupQuery().groupId(id).count() > 0, () -> {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    });
  }
}
