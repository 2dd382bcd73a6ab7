package io.fordra.distribution.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.VatTreatment;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Customers abroad of the Swedish seller (application.yaml), as PEPPOL BIS Billing 3.0 e-invoices checked with phive's
 * official rules: reverse charge to a German business (AE), export to a US business (G), a private person in Finland at
 * the seller's rate (S).
 */
@FordraTestContext
class CustomersAbroadEInvoiceTest extends EInvoiceTestSupport {

  static CustomerRequest abroad(CustomerType type, Country country, String orgNo, String vatNumber,
                                CustomerRequest.AddressRequest address, String scheme, String id) {
    String number = "A-" + UUID.randomUUID().toString().substring(0, 8);
    return new CustomerRequest(number, type == CustomerType.BUSINESS ? "Abroad " + country + " GmbH" : "Anna Virtanen",
        type, false, country, orgNo, number.toLowerCase() + "@customer.example", null, address, false,
        Channel.EINVOICE, null, new CustomerRequest.ElectronicAddressRequest(scheme, id), null, null, null, null,
        vatNumber);
  }

  static CustomerRequest german() {
    return abroad(CustomerType.BUSINESS, Country.DE, "HRB 12345", "DE 123 456 789",
        new CustomerRequest.AddressRequest("Friedrichstraße 1", "10117", "Berlin", null), "9930", "DE123456789");
  }

  @Test
  void aGermanBusinessWithAVatNumberGetsAReverseChargeInvoiceThatPassesPeppol() throws Exception {
    Invoice invoice = invoice(german(), Currency.EUR, List.of(
        line("Consulting", "10", "120.00", "0", "PO-DE-1"),
        line("Licence", "1", "499.90", "0", null)));

    assertThat(invoices.vat(invoice).treatment()).isEqualTo(VatTreatment.REVERSE_CHARGE);
    assertThat(invoice.vatAmount()).isEqualByComparingTo("0");
    byte[] ubl = outboxFile(einvoices.deliver(letter(invoice).id()).fileName());

    assertPeppolValid(ubl, false, "DE reverse charge");
    assertThat(text(ubl))
        .contains("<cbc:ID>AE</cbc:ID><cbc:Percent>0</cbc:Percent>")
        .contains("<cbc:TaxExemptionReason>Reverse charge: the buyer accounts for the VAT")
        .contains("<cbc:CompanyID>DE123456789</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID>")
        .contains("<cbc:CompanyID>SE556677889901</cbc:CompanyID>")
        .contains("<cbc:IdentificationCode>DE</cbc:IdentificationCode>")
        .contains("<cbc:PayableAmount currencyID=\"EUR\">1699.90<");
  }

  @Test
  void aReverseChargeCreditNotePassesPeppolToo() throws Exception {
    Invoice invoice = invoice(german(), Currency.EUR, List.of(line("Consulting", "10", "120.00", "0", "PO-DE-2")));

    byte[] ubl = outboxFile(einvoices.deliver(credit(invoice, "200.00", "Two hours too many").id()).fileName());

    assertPeppolValid(ubl, true, "DE reverse charge credit note");
    assertThat(text(ubl)).contains("<cbc:ID>AE</cbc:ID>");
  }

  @Test
  void aUsBusinessGetsAnExportInvoiceThatPassesPeppol() throws Exception {
    CustomerRequest us = abroad(CustomerType.BUSINESS, Country.US, "12-3456789", null,
        new CustomerRequest.AddressRequest("1 Main Street", "10001", "New York NY", null), "0060", "123456789");
    Invoice invoice = invoice(us, Currency.EUR, List.of(line("Consulting", "8", "150.00", "0", "PO-US-1")));

    assertThat(invoices.vat(invoice).treatment()).isEqualTo(VatTreatment.EXPORT);
    byte[] ubl = outboxFile(einvoices.deliver(letter(invoice).id()).fileName());

    assertPeppolValid(ubl, false, "US export");
    assertThat(text(ubl))
        .contains("<cbc:ID>G</cbc:ID><cbc:Percent>0</cbc:Percent>")
        .contains("<cbc:TaxExemptionReason>Export outside the EU")
        .contains("<cbc:CompanyID>12-3456789</cbc:CompanyID>")
        .doesNotContain("schemeID=\"0007\">12");
  }

  @Test
  void aPrivatePersonInFinlandPaysTheSellersRate() throws Exception {
    CustomerRequest fi = abroad(CustomerType.PRIVATE, Country.FI, null, null,
        new CustomerRequest.AddressRequest("Mannerheimintie 1", "00100", "Helsinki", null), "0088", "6412345000012");
    Invoice invoice = invoice(fi, Currency.EUR, List.of(line("Book", "2", "100.00", "25", "PO-FI-1")));

    assertThat(invoices.vat(invoice).treatment()).isEqualTo(VatTreatment.DOMESTIC);
    assertThat(invoice.vatAmount()).isEqualByComparingTo("50.00");
    byte[] ubl = outboxFile(einvoices.deliver(letter(invoice).id()).fileName());

    assertPeppolValid(ubl, false, "FI private at the seller's rate");
    assertThat(text(ubl)).contains("<cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent>")
        .doesNotContain("TaxExemptionReason");
  }
}
