package io.fordra.task;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters Fordra ships (issue 15, item 9), created at start-up where missing, on every node: each is
 * readable by its group (a FILTER authorization per filter; the groups no longer read every filter), lists the
 * group's open tasks (claimed ones too) by due date, and shows the invoice number. A filter a person changed in
 * Tasklist is left as it is; one deleted there comes back at the next start.
 */
@Component
class EngineTaskFilters {

  /** The candidate groups of the models' user tasks (security.StaffGroups). */
  static final String CASE_HANDLERS = "case-handlers";
  static final String FINANCE = "finance";

  /** A filter as shipped: its name (how it is found again), group, what it lists, and its place in the list. */
  record Shipped(String name, String group, String description, int priority, Function<TaskQuery, TaskQuery> tasks) {}

  static final List<Shipped> SHIPPED = List.of(
      new Shipped("Case handlers — open tasks by due date", CASE_HANDLERS,
          "Objections, disputed claims, dunning reviews and distribution deviations, the most urgent first", -30,
          q -> q.taskCandidateGroup(CASE_HANDLERS)),
      // Task keys as in processes/payment-*.bpmn and month-end-close.bpmn (EngineTaskFiltersTest holds them to it).
      new Shipped("Finance — Match payment", FINANCE,
          "Payments no invoice could be found for: book them by hand", -20,
          q -> q.taskCandidateGroup(FINANCE).taskDefinitionKey("Task_MatchPayment")),
      new Shipped("Finance — Review entries kept aside", FINANCE,
          "Entries of payment files that could not be booked (another currency, another account): say what was done",
          -15, q -> q.taskCandidateGroup(FINANCE).taskDefinitionKey("Task_ReviewKeptAside")),
      new Shipped("Finance — Review reconciliation", FINANCE,
          "Month-end closes whose reconciliation found differences", -10,
          q -> q.taskCandidateGroup(FINANCE).taskDefinitionKey("Task_ReviewDifferences")));

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  EngineTaskFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  /** After the groups exist (IdentityBootstrap) and have their role grants (RoleAuthorizations). */
  @EventListener(PostDeployEvent.class)
  @Order(4)
  public void ship() {
    SHIPPED.forEach(this::ship);
  }

  private void ship(Shipped shipped) {
    Filter filter = the(shipped.name());
    if (filter == null) {
      filters.saveFilter(filters.newTaskFilter(shipped.name())
          .setQuery(shipped.tasks().apply(tasks.createTaskQuery()).includeAssignedTasks().active()
              .orderByDueDate().asc())
          .setProperties(properties(shipped)));
      filter = the(shipped.name());
    }
    grantRead(shipped.group(), filter.getId());
  }

  /**
   * The filter of that name. Nodes starting together may each have created it: all keep the one with the least id
   * and delete the others, so the same one survives whichever node looks.
   */
  private Filter the(String name) {
    List<Filter> found = filters.createFilterQuery().filterName(name).list().stream()
        .sorted(Comparator.comparing(Filter::getId)).toList();
    for (Filter extra : found.stream().skip(1).toList()) {
      try {
        filters.deleteFilter(extra.getId());
      } catch (ProcessEngineException e) {
        // The other node deleted it first.
      }
    }
    return found.isEmpty() ? null : found.get(0);
  }

  private static Map<String, Object> properties(Shipped shipped) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", shipped.description());
    properties.put("priority", shipped.priority());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", List.of(Map.of("name", "invoiceNumber", "label", "Invoice")));
    return properties;
  }

  private void grantRead(String group, String filterId) {
    if (authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
        .resourceType(Resources.FILTER).resourceId(filterId).count() > 0) {
      return;
    }
    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId(group);
    read.setResource(Resources.FILTER);
    read.setResourceId(filterId);
    read.addPermission(Permissions.READ);
    try {
      authorizations.saveAuthorization(read);
    } catch (ProcessEngineException e) {
      // Another node starting at the same moment granted it first.
      if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER)
          .resourceId(filterId).count() == 0) {
        throw e;
      }
    }
  }
}
