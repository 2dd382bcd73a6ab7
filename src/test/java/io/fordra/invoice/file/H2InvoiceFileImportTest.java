package io.fordra.invoice.file;

import io.fordra.FordraTestContext;
import org.springframework.test.context.TestPropertySource;

/** The invoice-file scenario on H2. */
@FordraTestContext
@TestPropertySource(properties = {InvoiceFileImportScenario.CHUNK, InvoiceFileImportScenario.INBOX,
    InvoiceFileImportScenario.NO_POLLING})
class H2InvoiceFileImportTest extends InvoiceFileImportScenario {}
