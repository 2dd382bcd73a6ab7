package io.fordra.invoice.file;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** {@link InvoiceFileImports} on Camunda: one invoice-file-import instance per file, keyed by the file. */
@Component
class EngineInvoiceFileImports implements InvoiceFileImports {

  private final RuntimeService runtime;

  EngineInvoiceFileImports(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void start(long invoiceFileId, boolean allOrNothing) {
    runtime.createProcessInstanceByKey(InvoiceFileImport.KEY)
        .businessKey(InvoiceFileImport.businessKey(invoiceFileId))
        .setVariables(Variables.createVariables()
            .putValue(InvoiceFileImport.INVOICE_FILE_ID.name(), invoiceFileId)
            .putValue(InvoiceFileImport.ALL_OR_NOTHING.name(), allOrNothing))
        .execute();
  }
}
