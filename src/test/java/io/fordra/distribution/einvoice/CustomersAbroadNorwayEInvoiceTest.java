package io.fordra.distribution.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.VatTreatment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A Norwegian seller's customers abroad (EHF 3 / PEPPOL BIS 3): Norway is outside the EU, so a sale to an EU business is
 * an export from Norway (merverdiavgiftsloven §§ 6-21, 6-22), category G, not reverse charge on the seller's side.
 */
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
    "fordra.einvoice.outbox=target/test-einvoice-outbox/no"
})
class CustomersAbroadNorwayEInvoiceTest extends EInvoiceTestSupport {

  @Test
  void aGermanBusinessOfANorwegianSellerGetsAnExportInvoiceThatPassesPeppol() throws Exception {
    CustomerRequest german = CustomersAbroadEInvoiceTest.german();
    Invoice invoice = invoice(german, Currency.EUR, List.of(line("Rådgivning", "5", "200.00", "0", "PO-NO-DE")));

    assertThat(invoices.vat(invoice).treatment()).isEqualTo(VatTreatment.EXPORT);
    byte[] ubl = outboxFile(einvoices.deliver(letter(invoice).id()).fileName());

    assertPeppolValid(ubl, false, "NO seller, DE business: export");
    assertThat(text(ubl))
        .contains("<cbc:ID>G</cbc:ID><cbc:Percent>0</cbc:Percent>")
        .contains("<cbc:TaxExemptionReason>Export: no Norwegian VAT charged")
        .contains("<cbc:CompanyID>NO974760673MVA</cbc:CompanyID>")
        .contains("<cbc:CompanyID>DE123456789</cbc:CompanyID>");
  }

  @Test
  void aSwedishBusinessOfANorwegianSellerIsInvoicedAtTheSellersRatesAsBefore() throws Exception {
    CustomerRequest swede = eCustomer(Country.SE, null, "0007", "5560360793");
    Invoice invoice = invoice(swede, Currency.NOK, List.of(line("Rådgivning", "1", "100.00", "25", "PO-NO-SE")));

    assertThat(invoices.vat(invoice).treatment()).isEqualTo(VatTreatment.DOMESTIC);
    assertThat(invoice.vatAmount()).isEqualByComparingTo("25.00");
  }
}
