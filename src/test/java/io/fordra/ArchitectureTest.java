package io.fordra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceRule;
import fixture.architecture.ListenerThatCommentsItself;
import fixture.architecture.ServiceThatStartsAProcessItself;
import fixture.architecture.cycle.billing.Bill;
import fixture.architecture.cycle.booking.Booking;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rules of Fordra's architecture that the build enforces (issue 14). Each rule is also shown to fail on a class that
 * breaks it, so a rule that can no longer fail is noticed.
 */
class ArchitectureTest {

  private static final JavaClasses FORDRA = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.fordra");

  /**
   * Services and controllers reach a process through their capability's port (an interface with one engine adapter
   * beside it, e.g. close.MonthEndCloseRuns), never through the engine's RuntimeService or TaskService themselves.
   */
  static final ArchRule SERVICES_START_PROCESSES_THROUGH_PORTS = noClasses()
      .that().areAnnotatedWith(Service.class)
      .or().areAnnotatedWith(RestController.class)
      .or().areAnnotatedWith(Controller.class)
      .should().dependOnClassesThat().belongToAnyOf(RuntimeService.class, TaskService.class)
      .because("a service or controller starts and correlates processes through its capability's port, so it can be "
          + "tested without Spring or the engine");

  /**
   * Only the engine adapters (classes named Engine…, one per port, e.g. invoice.EngineInvoiceFollowUp) use the
   * engine's RuntimeService or TaskService; delegates and listeners ask a port too (process.UserTasks).
   */
  static final ArchRule ONLY_ADAPTERS_USE_THE_ENGINE = noClasses()
      .that().haveSimpleNameNotStartingWith("Engine")
      .should().dependOnClassesThat().belongToAnyOf(RuntimeService.class, TaskService.class)
      .because("one adapter per port is the only code that talks to the engine, so the rest can be tested without it");

  @Test
  void servicesAndControllersStartProcessesThroughPorts() {
    SERVICES_START_PROCESSES_THROUGH_PORTS.check(FORDRA);
  }

  @Test
  void theRuleFailsForAServiceThatStartsAProcessItself() {
    EvaluationResult result = SERVICES_START_PROCESSES_THROUGH_PORTS
        .evaluate(new ClassFileImporter().importClasses(ServiceThatStartsAProcessItself.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(line -> line.contains("ServiceThatStartsAProcessItself") && line.contains("RuntimeService"));
  }

  /**
   * The packages below root (io.fordra.invoice with invoice.file, io.fordra.ledger, …) depend on each other without a
   * cycle, so each can be read, tested and changed from the packages below it. Where a lower package needs something
   * of a higher one, it declares a port that the higher one implements (invoice.Bookkeeping, which ledger.Ledger
   * implements; document.MessageIds, which distribution.MailProperties implements).
   */
  static SliceRule packagesFreeOfCycles(String root) {
    return slices().matching(root + ".(*)..").namingSlices("$1")
        .should().beFreeOfCycles()
        .because("a package cycle ties its packages into one that can only be understood and changed whole");
  }

  @Test
  void packagesHaveNoCycles() {
    packagesFreeOfCycles("io.fordra").check(FORDRA);
  }

  @Test
  void theCycleRuleFailsForTwoPackagesThatUseEachOther() {
    EvaluationResult result = packagesFreeOfCycles("fixture.architecture.cycle")
        .evaluate(new ClassFileImporter().importClasses(Bill.class, Booking.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(line -> line.contains("billing") && line.contains("booking"));
  }

  @Test
  void onlyAdaptersUseTheEngine() {
    ONLY_ADAPTERS_USE_THE_ENGINE.check(FORDRA);
  }

  @Test
  void theRuleFailsForAListenerThatCommentsItself() {
    EvaluationResult result = ONLY_ADAPTERS_USE_THE_ENGINE
        .evaluate(new ClassFileImporter().importClasses(ListenerThatCommentsItself.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(line -> line.contains("ListenerThatCommentsItself") && line.contains("TaskService"));
  }
}
