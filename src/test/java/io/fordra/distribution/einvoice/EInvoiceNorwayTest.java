package io.fordra.distribution.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.customer.Country;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The EINVOICE channel with a Norwegian seller (EHF 3): org. no. 974760673, NOK, KID, bank account. */
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
class EInvoiceNorwayTest extends EInvoiceTestSupport {

  static final String SELLER = "974760673";
  /** The organisation number of ProcessTestSupport's Norwegian business customers. */
  static final String BUYER = "923609016";

  /** 12 500,00 at 25 %, 550,80 at 15 %, 99,90 at 12 % and 698,00 zero-rated. */
  static List<InvoiceRequest.LineRequest> lines(String orderReference) {
    return List.of(
        line("Rådgivning", "10", "1250.00", "25", orderReference),
        line("Matvarer", "12", "45.90", "15", null),
        line("Transport", "1", "99.90", "12", null),
        line("Bøker", "2", "349.00", "0", null));
  }

  Invoice invoice(String orderReference) {
    return invoice(eCustomer(Country.NO, null, "0192", BUYER), Currency.NOK, lines(orderReference));
  }

  @Test
  void anEhfInvoiceWithOrderReference() throws Exception {
    Invoice invoice = invoice("PO-9");

    EInvoiceDelivery delivery = einvoices.deliver(letter(invoice).id());

    assertThat(delivery.endpoint()).isEqualTo("0192:" + BUYER);
    assertThat(delivery.fileName()).isEqualTo(SELLER + "-" + invoice.invoiceNumber() + ".xml");
    byte[] ubl = outboxFile(delivery.fileName());
    assertPeppolValid(ubl, false, "NO invoice with order reference");
    assertThat(text(ubl))
        .contains("<cbc:EndpointID schemeID=\"0192\">" + SELLER + "</cbc:EndpointID>")
        .contains("<cbc:CompanyID>NO974760673MVA</cbc:CompanyID>")
        .contains("<cbc:CompanyID>Foretaksregisteret</cbc:CompanyID><cac:TaxScheme><cbc:ID>TAX</cbc:ID>")
        .contains("<cbc:CompanyID schemeID=\"0192\">" + SELLER + "</cbc:CompanyID>")
        .contains("<cbc:PaymentID>" + invoice.paymentReference() + "</cbc:PaymentID>")
        .contains("<cac:PayeeFinancialAccount><cbc:ID>15035010186</cbc:ID></cac:PayeeFinancialAccount>")
        .contains("<cbc:BuyerReference>PO-9</cbc:BuyerReference>")
        .contains("<cbc:ID>Z</cbc:ID><cbc:Percent>0</cbc:Percent>")
        .contains("<cbc:PayableAmount currencyID=\"NOK\">" + invoice.totalAmount().toPlainString() + "<")
        .doesNotContain("BANKGIRO");
    assertNoTempFiles();
  }

  @Test
  void anEhfInvoiceWithoutOrderReference() throws Exception {
    Invoice invoice = invoice((String) null);

    byte[] ubl = outboxFile(einvoices.deliver(letter(invoice).id()).fileName());

    assertPeppolValid(ubl, false, "NO invoice without order reference");
    assertThat(text(ubl)).contains("<cbc:BuyerReference>" + invoice.customerNumber() + "</cbc:BuyerReference>")
        .doesNotContain("OrderReference");
  }

  @Test
  void ehfCreditNotesPartialAndFull() throws Exception {
    Invoice invoice = invoice("PO-9");
    letter(invoice);
    StoredDocument partial = credit(invoice, "2500.00", "Avtalt rabatt");

    byte[] partialUbl = outboxFile(einvoices.deliver(partial.id()).fileName());

    assertPeppolValid(partialUbl, true, "NO partial credit note");
    assertThat(text(partialUbl))
        .contains("<cbc:ID>" + invoice.invoiceNumber() + "-K1</cbc:ID>")
        .contains("Kreditering av faktura " + invoice.invoiceNumber() + ", MVA 25 %")
        .contains("<cbc:PayableAmount currencyID=\"NOK\">2500.00</cbc:PayableAmount>");

    Invoice whole = invoice((String) null);
    StoredDocument full = credit(whole, whole.totalAmount().toPlainString(), "Feil faktura");

    byte[] fullUbl = outboxFile(einvoices.deliver(full.id()).fileName());

    assertPeppolValid(fullUbl, true, "NO full credit note");
    assertThat(text(fullUbl)).contains("<cbc:Name>Rådgivning</cbc:Name>", "<cbc:Name>Bøker</cbc:Name>")
        .contains("<cbc:ID>" + whole.invoiceNumber() + "-K1</cbc:ID>")
        .contains("<cbc:PayableAmount currencyID=\"NOK\">" + whole.totalAmount().toPlainString() + "<");
    assertNoTempFiles();
  }
}
