package io.fordra.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Fordra's groups exist from the start, and the first admin belongs to all of them. */
@Component
public class IdentityBootstrap {

  /** The groups that user tasks and (later) authorizations name. */
  public static final List<String> GROUPS = List.of("case-handlers", "process-owners", "auditors", "finance");

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final IdentityService identity;
  private final String adminId;
  private final boolean defaultAdmin;

  public IdentityBootstrap(IdentityService identity, @Value("${camunda.bpm.admin-user.id}") String adminId,
                           @Value("${" + StartupGuard.DEFAULT_ADMIN_FLAG + ":false}") boolean defaultAdmin) {
    this.identity = identity;
    this.adminId = adminId;
    this.defaultAdmin = defaultAdmin;
  }

  @EventListener(PostDeployEvent.class)
  public void createGroups() {
    for (String id : GROUPS) {
      try {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
          Group group = identity.newGroup(id);
          group.setName(id);
          group.setType("WORKFLOW");
          identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(adminId).memberOfGroup(id).count() == 0) {
          identity.createMembership(adminId, id);
        }
      } catch (ProcessEngineException e) {
        // Another node starting at the same moment created it first.
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
          throw e;
        }
      }
    }
    if (defaultAdmin) {
      log.warn("Local H2 run: Fordra created the user admin/admin. Set FORDRA_ADMIN_USER and FORDRA_ADMIN_PASSWORD "
          + "for anything but a local trial; the postgres profile refuses to start without them.");
    }
  }
}
