package io.fordra.distribution.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.customer.Country;
import io.fordra.distribution.DistributionService;
import io.fordra.document.DocumentKind;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceRequest;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** The EINVOICE channel with the Swedish seller of application.yaml (556677-8899, bankgiro 5050-1055). */
@FordraTestContext
class EInvoiceServiceTest extends EInvoiceTestSupport {

  /** The organisation number of ProcessTestSupport's Swedish business customers (556036-0793). */
  static final String BUYER = "5560360793";
  static final String SELLER = "5566778899";

  @LocalServerPort int port;
  @Autowired DistributionService distribution;

  /**
   * 7 125,00 + 599,97 + 0,99 + 0,02 + 0,02 at 25 %, 150,00 at 12 %, 298,00 at 6 %. Each line's VAT is rounded on its
   * own, so the invoice states 1 931,51 VAT at 25 % where 7 726,00 × 25 % would be 1 931,50.
   */
  static List<InvoiceRequest.LineRequest> lines(String orderReference) {
    return List.of(
        line("Konsulttjänst", "7.5", "950.00", "25", orderReference),
        line("Licens", "3", "199.99", "25", null),
        line("Skruv", "3", "0.33", "25", null),
        line("Bricka", "1", "0.02", "25", null),
        line("Mutter", "1", "0.02", "25", null),
        line("Livsmedel", "4", "37.50", "12", null),
        line("Bok", "2", "149.00", "6", null));
  }

  Invoice invoice(String orderReference) {
    return invoice(eCustomer(Country.SE, null, "0007", BUYER), Currency.SEK, lines(orderReference));
  }

  @Test
  void anInvoiceWithAnOrderReferenceIsValidStoredAndWritten() throws Exception {
    Invoice invoice = invoice("PO-4711");
    StoredDocument letter = letter(invoice);

    EInvoiceDelivery delivery = einvoices.deliver(letter.id());

    assertThat(delivery.endpoint()).isEqualTo("0007:" + BUYER);
    assertThat(delivery.fileName()).isEqualTo(SELLER + "-" + invoice.invoiceNumber() + ".xml");
    byte[] ubl = outboxFile(delivery.fileName());
    assertPeppolValid(ubl, false, "SE invoice with order reference");
    assertThat(text(ubl))
        .contains("<cbc:ID>" + invoice.invoiceNumber() + "</cbc:ID>")
        .contains("<cbc:BuyerReference>PO-4711</cbc:BuyerReference>")
        .contains("<cac:OrderReference><cbc:ID>PO-4711</cbc:ID></cac:OrderReference>")
        .contains("<cbc:EndpointID schemeID=\"0007\">" + SELLER + "</cbc:EndpointID>")
        .contains("<cbc:EndpointID schemeID=\"0007\">" + BUYER + "</cbc:EndpointID>")
        .contains("<cbc:CompanyID>SE556677889901</cbc:CompanyID>", "Godkänd för F-skatt")
        .contains("<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentID>" + invoice.paymentReference())
        .contains("<cbc:ID>50501055</cbc:ID><cac:FinancialInstitutionBranch><cbc:ID>SE:BANKGIRO</cbc:ID>")
        // What the PDF asks for, to the öre: the lines' own VAT, not the taxable amount × 25 %.
        .contains("<cbc:TaxableAmount currencyID=\"SEK\">7726.00</cbc:TaxableAmount>"
            + "<cbc:TaxAmount currencyID=\"SEK\">1931.51</cbc:TaxAmount>")
        .contains("<cbc:PayableAmount currencyID=\"SEK\">" + invoice.totalAmount().toPlainString() + "<");
    StoredDocument rendition = documents.get(delivery.renditionId());
    assertThat(rendition.renditionOf()).isEqualTo(letter.id());
    assertThat(rendition.kind()).isEqualTo(DocumentKind.INVOICE);
    assertThat(rendition.sequenceNumber()).isEqualTo(1);
    assertThat(rendition.mediaType()).isEqualTo("application/xml");
    assertThat(rendition.fileName()).isEqualTo("invoice-" + invoice.invoiceNumber() + ".xml");
    assertThat(rendition.content()).isEqualTo(ubl);
    assertNoTempFiles();
  }

  @Test
  void withoutAnOrderReferenceTheBuyerReferenceIsTheCustomerNumberOrTheOneGiven() throws Exception {
    Invoice invoice = invoice((String) null);

    byte[] ubl = outboxFile(einvoices.deliver(letter(invoice).id()).fileName());

    assertPeppolValid(ubl, false, "SE invoice without order reference");
    assertThat(text(ubl)).contains("<cbc:BuyerReference>" + invoice.customerNumber() + "</cbc:BuyerReference>")
        .doesNotContain("OrderReference");

    Invoice another = invoice((String) null);
    byte[] withReference = outboxFile(einvoices.deliver(letter(another).id(), "Anna Andersson").fileName());

    assertPeppolValid(withReference, false, "SE invoice with a reference person");
    assertThat(text(withReference)).contains("<cbc:BuyerReference>Anna Andersson</cbc:BuyerReference>");
  }

  @Test
  void partialCreditNotesAreSplitOverTheVatRatesAndReferToTheInvoice() throws Exception {
    Invoice invoice = invoice("PO-4711");
    letter(invoice);
    StoredDocument first = credit(invoice, "1000.00", "Rabatt enligt avtal");

    EInvoiceDelivery delivery = einvoices.deliver(first.id());

    String number = invoice.invoiceNumber() + "-K1";
    assertThat(delivery.fileName()).isEqualTo(SELLER + "-" + number + ".xml");
    byte[] ubl = outboxFile(delivery.fileName());
    assertPeppolValid(ubl, true, "SE partial credit note");
    assertThat(text(ubl))
        .contains("<cbc:ID>" + number + "</cbc:ID>", "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
        .contains("<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>" + invoice.invoiceNumber()
            + "</cbc:ID><cbc:IssueDate>2026-03-02</cbc:IssueDate>")
        .contains("<cbc:Note>Rabatt enligt avtal</cbc:Note>")
        .contains("Kreditering av faktura " + invoice.invoiceNumber() + ", moms 25 %")
        .contains("<cbc:PayableAmount currencyID=\"SEK\">1000.00</cbc:PayableAmount>");
    assertThat(documents.get(delivery.renditionId()).fileName())
        .isEqualTo("credit-note-" + invoice.invoiceNumber() + "-1.xml");

    // The second credit note takes what is left: its own number and file.
    StoredDocument second = credit(invoice, reload(invoice).openAmount().toPlainString(), "Resten krediteras");
    EInvoiceDelivery secondDelivery = einvoices.deliver(second.id());

    byte[] secondUbl = outboxFile(secondDelivery.fileName());
    assertPeppolValid(secondUbl, true, "SE second credit note");
    assertThat(text(secondUbl)).contains("<cbc:ID>" + invoice.invoiceNumber() + "-K2</cbc:ID>");
    assertNoTempFiles();
  }

  @Test
  void aCreditNoteOfTheWholeInvoiceCreditsItsLines() throws Exception {
    Invoice invoice = invoice((String) null);
    StoredDocument creditNote = credit(invoice, invoice.totalAmount().toPlainString(), "Felaktig faktura");

    byte[] ubl = outboxFile(einvoices.deliver(creditNote.id()).fileName());

    assertPeppolValid(ubl, true, "SE full credit note");
    assertThat(text(ubl))
        .contains("<cbc:Name>Konsulttjänst</cbc:Name>", "<cbc:Name>Livsmedel</cbc:Name>", "<cbc:Name>Bok</cbc:Name>")
        .contains("<cbc:CreditedQuantity unitCode=\"EA\">7.500</cbc:CreditedQuantity>")
        .contains("<cbc:PayableAmount currencyID=\"SEK\">" + invoice.totalAmount().toPlainString() + "<");
  }

  @Test
  void aCustomerWithoutAnElectronicAddressIsForAnotherChannel() {
    Invoice invoice = invoice(eCustomer(Country.SE, null, null, null), Currency.SEK, lines(null));
    StoredDocument letter = letter(invoice);

    assertThatThrownBy(() -> einvoices.deliver(letter.id()))
        .isInstanceOf(NoElectronicAddressException.class)
        .hasMessageContaining(invoice.customerNumber()).hasMessageContaining("no electronic address");
    assertThat(renditions(invoice)).isEmpty();
  }

  @Test
  void aDocumentThatBreaksTheRulesIsNeitherStoredNorWritten() {
    // 9999 is no scheme of the PEPPOL EAS code list.
    Invoice invoice = invoice(eCustomer(Country.SE, null, "9999", BUYER), Currency.SEK, lines("PO-1"));
    StoredDocument letter = letter(invoice);

    assertThatThrownBy(() -> einvoices.deliver(letter.id()))
        .isInstanceOfSatisfying(EInvoiceRejectedException.class, e -> {
          System.out.println(e.getMessage());
          assertThat(e.documentNumber()).isEqualTo(invoice.invoiceNumber());
          assertThat(e.violations()).extracting(ValidationError::ruleId).contains("PEPPOL-EN16931-CL008");
          assertThat(e.errors()).anyMatch(t -> t.startsWith("[PEPPOL-EN16931-CL008] ") && t.contains("(at "));
        });
    assertThat(Files.exists(outbox().resolve(SELLER + "-" + invoice.invoiceNumber() + ".xml"))).isFalse();
    assertThat(renditions(invoice)).isEmpty();
  }

  @Test
  void aRetryWritesTheSameFileAndStoresNoSecondRendition() throws Exception {
    Invoice invoice = invoice("PO-4711");
    StoredDocument letter = letter(invoice);
    EInvoiceDelivery first = einvoices.deliver(letter.id());
    byte[] written = outboxFile(first.fileName());

    // Even with another reference: the first delivery's UBL is the e-invoice.
    EInvoiceDelivery again = einvoices.deliver(letter.id(), "Someone else");

    assertThat(again).isEqualTo(first);
    assertThat(outboxFile(again.fileName())).isEqualTo(written);
    assertThat(renditions(invoice)).hasSize(1);
    try (var files = Files.list(outbox())) {
      assertThat(files.filter(p -> p.getFileName().toString().contains(invoice.invoiceNumber()))).hasSize(1);
    }
    assertNoTempFiles();
  }

  @Test
  void theRenditionIsInTheInvoiceHotelButNeverTheLetterToSendAgain() throws Exception {
    RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth("admin", "admin")).build();
    Invoice invoice = invoice("PO-4711");
    StoredDocument letter = letter(invoice);
    EInvoiceDelivery delivery = einvoices.deliver(letter.id());

    JsonNode list = api.get().uri("/api/invoices/{n}/documents", invoice.invoiceNumber()).retrieve()
        .body(JsonNode.class);
    assertThat(list.findValuesAsText("mediaType")).containsExactly("application/pdf", "application/xml");
    JsonNode entry = list.get(1);
    assertThat(entry.get("id").asLong()).isEqualTo(delivery.renditionId());
    assertThat(entry.get("kind").asText()).isEqualTo("INVOICE");
    assertThat(entry.get("fileName").asText()).isEqualTo("invoice-" + invoice.invoiceNumber() + ".xml");
    assertThat(entry.get("renditionOf").asLong()).isEqualTo(letter.id());
    assertThat(list.get(0).get("renditionOf").isNull()).isTrue();

    ResponseEntity<byte[]> xml = api.get().uri(entry.get("href").asText()).retrieve().toEntity(byte[].class);
    assertThat(xml.getHeaders().getContentType().toString()).isEqualTo("application/xml");
    assertThat(xml.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("invoice-" + invoice.invoiceNumber() + ".xml");
    assertThat(xml.getBody()).isEqualTo(outboxFile(delivery.fileName())).hasSize(entry.get("size").asInt());

    // "The latest letter" is the PDF, not its rendition. Its first sending still waits out the undo window here, so
    // sending it again is refused, naming the letter it chose.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> distribution.resend(invoice.invoiceNumber(), null, null))
        .isInstanceOf(io.fordra.kernel.ConflictException.class)
        .hasMessageStartingWith("letter " + letter.fileName() + " is already on its way");
  }
}
