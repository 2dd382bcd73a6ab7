package io.fordra;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.close.MonthEndClose;
import io.fordra.close.MonthEndClosePathsTest;
import io.fordra.distribution.InvoiceDistributionPathsTest;
import io.fordra.interest.InterestInvoicingPathsTest;
import io.fordra.interest.InterestInvoicingProcess;
import io.fordra.interest.ReferenceRatePathsTest;
import io.fordra.interest.ReferenceRateReminder;
import io.fordra.invoice.InvoiceToCash;
import io.fordra.invoice.file.InvoiceFileImport;
import io.fordra.invoice.file.InvoiceFileImportPathsTest;
import io.fordra.payment.file.PaymentFileImport;
import io.fordra.payment.file.PaymentFileImportPathsTest;
import io.fordra.paymentplan.PaymentPlanPathsTest;
import io.fordra.paymentplan.PaymentPlanProcess;
import io.fordra.process.InvoiceDistribution;
import io.fordra.process.InvoiceToCashPathsTest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.junit.jupiter.api.Test;

/**
 * Every end event of every model (processes/*.bpmn) has a constant in its process's class, and a fast test
 * ({@link ProcessPaths}) that deploys the model and must reach each end event; every BPMN error code is a value of its
 * process's error enum.
 */
class EndEventsTest {

  /** The class that names a model's element ids (END_… for its end events), and the test that walks its paths. */
  private record Model(Class<?> elements, Class<?> pathsTest, Class<? extends Enum<?>> errors) {}

  private static final Map<String, Model> MODELS = Map.of(
      InvoiceToCash.RESOURCE, new Model(InvoiceToCash.Elements.class, InvoiceToCashPathsTest.class, null),
      InvoiceDistribution.RESOURCE, new Model(InvoiceDistribution.Elements.class, InvoiceDistributionPathsTest.class,
          InvoiceDistribution.Errors.class),
      InvoiceFileImport.RESOURCE, new Model(InvoiceFileImport.Elements.class, InvoiceFileImportPathsTest.class, null),
      PaymentFileImport.RESOURCE, new Model(PaymentFileImport.Elements.class, PaymentFileImportPathsTest.class, null),
      PaymentFileImport.MATCHING_RESOURCE, new Model(PaymentFileImport.MatchingElements.class,
          PaymentFileImportPathsTest.class, null),
      MonthEndClose.RESOURCE, new Model(MonthEndClose.Elements.class, MonthEndClosePathsTest.class, null),
      InterestInvoicingProcess.RESOURCE, new Model(InterestInvoicingProcess.Elements.class,
          InterestInvoicingPathsTest.class, null),
      ReferenceRateReminder.RESOURCE, new Model(ReferenceRateReminder.Elements.class, ReferenceRatePathsTest.class,
          null),
      PaymentPlanProcess.RESOURCE, new Model(PaymentPlanProcess.Elements.class, PaymentPlanPathsTest.class,
          PaymentPlanProcess.Errors.class));

  @Test
  void everyModelIsListedHere() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      Set<String> models = files.map(p -> "processes/" + p.getFileName()).filter(n -> n.endsWith(".bpmn"))
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(models).containsExactlyInAnyOrderElementsOf(MODELS.keySet());
    }
  }

  @Test
  void everyEndEventHasAConstant() {
    MODELS.forEach((resource, model) -> assertThat(endEventConstants(model.elements()))
        .as("END_… constants of " + model.elements().getName() + " against the end events of " + resource)
        .containsExactlyInAnyOrderElementsOf(ProcessPaths.endEvents(ProcessPaths.model(resource))));
  }

  @Test
  void everyModelHasAFastTestThatDeploysIt() {
    MODELS.forEach((resource, model) -> assertThat(model.pathsTest().getAnnotation(Deployment.class).resources())
        .as(model.pathsTest().getSimpleName() + " deploys " + resource)
        .contains(resource));
  }

  @Test
  void everyErrorCodeIsAValueOfItsProcesssErrorEnum() {
    MODELS.forEach((resource, model) -> {
      BpmnModelInstance bpmn = ProcessPaths.model(resource);
      Set<String> codes = bpmn.getModelElementsByType(Error.class).stream().map(Error::getErrorCode)
          .collect(Collectors.toCollection(TreeSet::new));
      Set<String> values = model.errors() == null ? Set.of() : Arrays.stream(model.errors().getEnumConstants())
          .map(Enum::name).collect(Collectors.toSet());
      assertThat(codes).as("error codes of " + resource).containsExactlyInAnyOrderElementsOf(values);
    });
  }

  private static Set<String> endEventConstants(Class<?> elements) {
    Set<String> values = new TreeSet<>();
    for (Field field : elements.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
          && field.getName().startsWith("END")) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }
}
