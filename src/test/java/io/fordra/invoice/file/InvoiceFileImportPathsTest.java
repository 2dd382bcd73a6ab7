package io.fordra.invoice.file;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.fordra.ProcessPaths;
import io.fordra.invoice.file.InvoiceFileImport.Elements;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** invoice-file-import alone, started by its adapter, with mocked chunk steps: per invoice, and all or nothing. */
@Deployment(resources = InvoiceFileImport.RESOURCE)
public class InvoiceFileImportPathsTest extends ProcessPaths {

  private final AtomicInteger chunksToCheck = new AtomicInteger(2);
  private final AtomicInteger chunksToCreate = new AtomicInteger(2);
  private int rejected;

  @BeforeEach
  void mockTheSteps() {
    Mocks.register("checkInvoiceChunk", (JavaDelegate) e -> {
      InvoiceFileImport.MORE.set(e, chunksToCheck.decrementAndGet() > 0);
      InvoiceFileImport.REJECTED_INVOICES.set(e, rejected);
    });
    Mocks.register("createInvoiceChunk",
        (JavaDelegate) e -> InvoiceFileImport.MORE.set(e, chunksToCreate.decrementAndGet() > 0));
  }

  @Test
  void perInvoiceTheFileIsCreatedChunkByChunk() {
    ProcessInstance file = start(1L, false);
    assertThat(file).isWaitingAt(Elements.CREATE_CHUNK);
    run(file, Elements.CREATE_CHUNK);
    run(file, Elements.CREATE_CHUNK);
    run(file, Elements.REPORT);
    reached(file, Elements.END_IMPORTED);
    assertThat(file).hasNotPassed(Elements.CHECK_CHUNK).isEnded();
  }

  @Test
  void allOrNothingChecksTheWholeFileBeforeCreating() {
    ProcessInstance file = start(2L, true);
    run(file, Elements.CHECK_CHUNK);
    run(file, Elements.CHECK_CHUNK);
    assertThat(file).isWaitingAt(Elements.CREATE_CHUNK);
    run(file, Elements.CREATE_CHUNK);
    run(file, Elements.CREATE_CHUNK);
    run(file, Elements.REPORT);
    reached(file, Elements.END_IMPORTED);
    assertThat(file).isEnded();
  }

  @Test
  void allOrNothingRejectsTheFileForOneInvalidInvoice() {
    rejected = 1;
    ProcessInstance file = start(3L, true);
    run(file, Elements.CHECK_CHUNK);
    run(file, Elements.CHECK_CHUNK);
    run(file, Elements.REJECT_FILE);
    reached(file, Elements.END_REJECTED);
    assertThat(file).hasNotPassed(Elements.CREATE_CHUNK).isEnded();
  }

  private static ProcessInstance start(long invoiceFileId, boolean allOrNothing) {
    new EngineInvoiceFileImports(runtimeService()).start(invoiceFileId, allOrNothing);
    return processInstanceQuery().processInstanceBusinessKey(InvoiceFileImport.businessKey(invoiceFileId))
        .singleResult();
  }
}
