package io.fordra.avtalegiro;

import io.fordra.FordraTestContext;
import org.springframework.test.context.TestPropertySource;

/** The Norwegian bank-file scenario on H2. */
@FordraTestContext
@TestPropertySource(properties = {
    "fordra.payments.inbox=" + NorwegianBankFilesScenario.PAYMENTS_INBOX,
    "fordra.avtalegiro.inbox=" + NorwegianBankFilesScenario.AVTALEGIRO_INBOX})
class H2NorwegianBankFilesTest extends NorwegianBankFilesScenario {}
