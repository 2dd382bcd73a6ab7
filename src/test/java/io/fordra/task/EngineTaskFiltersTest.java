package io.fordra.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryProperty;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Tasklist filters Fordra ships (issue 15, item 9): there once, each read by its group only. */
@FordraTestContext
class EngineTaskFiltersTest {

  @Autowired EngineTaskFilters shipping;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;

  @Test
  void everyShippedFilterIsThereOnceAndStartingAgainAddsNothing() {
    shipping.ship();
    shipping.ship();

    for (EngineTaskFilters.Shipped shipped : EngineTaskFilters.SHIPPED) {
      List<Filter> found = filters.createFilterQuery().filterName(shipped.name()).list();
      assertThat(found).as(shipped.name()).hasSize(1);
      assertThat(authorizations.createAuthorizationQuery().groupIdIn(shipped.group()).resourceType(Resources.FILTER)
          .resourceId(found.get(0).getId()).hasPermission(Permissions.READ).count()).isEqualTo(1);
      TaskQueryImpl query = found.get(0).getQuery();
      assertThat(query.getOrderingProperties()).extracting(o -> o.getQueryProperty())
          .containsExactly(TaskQueryProperty.DUE_DATE);
      assertThat(query.getCandidateGroup()).isEqualTo(shipped.group());
    }
  }

  @Test
  void aFilterCreatedTwiceByNodesStartingTogetherIsKeptOnce() {
    EngineTaskFilters.Shipped shipped = EngineTaskFilters.SHIPPED.get(1);
    Filter first = filters.createFilterQuery().filterName(shipped.name()).singleResult();
    Filter second = filters.saveFilter(filters.newTaskFilter(shipped.name()).setQuery(first.getQuery()));

    shipping.ship();

    // Every node keeps the same one, the lowest id (ids are not in the order they were made).
    String lowest = first.getId().compareTo(second.getId()) < 0 ? first.getId() : second.getId();
    assertThat(filters.createFilterQuery().filterName(shipped.name()).list()).extracting(Filter::getId)
        .containsExactly(lowest);
  }

  @Test
  void caseHandlersSeeTheirFilterAndFinanceTheirs() {
    assertThat(visibleTo("case-handlers")).contains("Case handlers — open tasks by due date")
        .doesNotContain("Finance — Match payment", "Finance — Review entries kept aside",
            "Finance — Review reconciliation", "All tasks");
    assertThat(visibleTo("finance")).contains("Finance — Match payment", "Finance — Review entries kept aside",
        "Finance — Review reconciliation")
        .doesNotContain("Case handlers — open tasks by due date", "All tasks");
  }

  /** The finance filters name task definitions by key: each is a user task of finance in processes/. */
  @Test
  void theFinanceFiltersNameUserTasksThatExist() throws IOException {
    String models;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      models = String.join("\n", files.filter(f -> f.toString().endsWith(".bpmn")).map(EngineTaskFiltersTest::read)
          .toList());
    }
    for (EngineTaskFilters.Shipped shipped : EngineTaskFilters.SHIPPED.subList(1, 3)) {
      TaskQueryImpl query = (TaskQueryImpl) shipped.tasks().apply(new TaskQueryImpl());
      assertThat(models).as(shipped.name()).containsPattern("<bpmn:userTask id=\"" + query.getKey() + "\"[^>]*"
          + "camunda:candidateGroups=\"finance\"");
    }
  }

  private List<String> visibleTo(String group) {
    identity.setAuthentication("someone-in-" + group, List.of(group));
    try {
      return filters.createFilterQuery().list().stream().map(Filter::getName).toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
