package io.fordra.payment.file;

import io.fordra.FordraTestContext;
import org.springframework.test.context.TestPropertySource;

/** The payment-file scenario on H2. */
@FordraTestContext
@TestPropertySource(properties = {PaymentFileImportScenario.CHUNK, PaymentFileImportScenario.INBOX,
    PaymentFileImportScenario.NO_POLLING})
class H2PaymentFileImportTest extends PaymentFileImportScenario {}
