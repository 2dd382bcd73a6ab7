package io.fordra.distribution.efaktura;

import io.fordra.FordraTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.TestPropertySource;

/** eFaktura end to end on H2, with a Norwegian seller and the issuer-service stub on port 18461. */
@FordraTestContext
@TestPropertySource(properties = {
    "fordra.seller.name=Fordra Norge AS",
    "fordra.seller.organisation-number=974 760 673",
    "fordra.seller.vat-number=NO974760673MVA",
    "fordra.seller.street=Karl Johans gate 1",
    "fordra.seller.postal-code=0154",
    "fordra.seller.city=Oslo",
    "fordra.seller.country=NO",
    "fordra.seller.bankgiro=",
    "fordra.seller.bank-account=1503.50.10186",
    "fordra.print.outbox=target/print-outbox-efaktura",
    "fordra.efaktura.base-url=http://127.0.0.1:18461/invoicing-nets-submitter/v1/",
    "fordra.distribution.active-channels=EMAIL,PRINT,EINVOICE,DIRECT_DEBIT,EFAKTURA",
    "fordra.efaktura.username=fordra",
    "fordra.efaktura.password=stub-secret",
    "fordra.efaktura.read-timeout=PT2S",
    "fordra.efaktura.refresh-cron=-"
})
class EFakturaApiTest extends EFakturaScenario {

  private static EFakturaStub stub;

  @BeforeAll
  static void startStub() throws Exception {
    stub = new EFakturaStub(18461);
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  @Override
  protected EFakturaStub stub() {
    return stub;
  }
}
