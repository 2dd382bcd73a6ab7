package io.fordra.invoice;

import static io.fordra.ApiAnswers.errors;
import static io.fordra.ApiAnswers.get;
import static io.fordra.ApiAnswers.json;
import static io.fordra.ApiAnswers.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.ProcessTestSupport;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.Letters;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Customers abroad over the API (issue 18 section 3), with the Swedish seller of application.yaml: any ISO 3166
 * country and its VAT number checked at the door, reverse charge and export checked like the VAT rates, and what the
 * letter then says. Run on H2 (CustomersAbroadApiTest) and on PostgreSQL (PostgresCustomersAbroadTest).
 */
abstract class CustomersAbroadScenario extends ProcessTestSupport {

  @Autowired DocumentService documents;

  @Test
  void aGermanBusinessIsRegisteredWithItsVatNumberInEnglish() throws Exception {
    RestClient admin = api();
    String number = "AB-" + unique();

    ResponseEntity<String> created = send(admin, HttpMethod.POST, "/api/customers",
        german(number, "de 123.456.789"));

    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode customer = json(get(admin, "/api/customers/" + number));
    assertThat(customer.get("country").asText()).isEqualTo("DE");
    assertThat(customer.get("vatNumber").asText()).isEqualTo("DE123456789");
    assertThat(customer.get("language").asText()).isEqualTo("en");
    assertThat(customer.get("address").get("country").asText()).isEqualTo("DE");
  }

  @Test
  void badCountriesVatNumbersAndPostalCodesAbroadAre400NamingTheField() throws Exception {
    RestClient admin = api();
    Map<String, Object> unknownCountry = german("AB-" + unique(), null);
    unknownCountry.put("country", "XX");
    assertThat(errors(send(admin, HttpMethod.POST, "/api/customers", unknownCountry))).containsExactly(
        "country: 'XX' is not an ISO 3166-1 alpha-2 country code in capitals (e.g. SE, NO, DE, US)");

    assertThat(errors(send(admin, HttpMethod.POST, "/api/customers", german("AB-" + unique(), "FR12345678901"))))
        .containsExactly("vatNumber: must start with DE, the VAT prefix of the customer's country DE");
    assertThat(errors(send(admin, HttpMethod.POST, "/api/customers", german("AB-" + unique(), "DE12345"))))
        .containsExactly("vatNumber: 'DE12345' is not a DE VAT number (DE\\d{9})");

    Map<String, Object> person = german("AB-" + unique(), "DE123456789");
    person.put("type", "PRIVATE");
    person.remove("organisationNumber");
    assertThat(errors(send(admin, HttpMethod.POST, "/api/customers", person)))
        .containsExactly("vatNumber: only an organisation (type BUSINESS) has a VAT number");

    Map<String, Object> badPostcode = german("AB-" + unique(), null);
    badPostcode.put("address", Map.of("street", "Friedrichstraße 1", "postalCode", "1011", "city", "Berlin"));
    assertThat(errors(send(admin, HttpMethod.POST, "/api/customers", badPostcode)))
        .containsExactly("address.postalCode: is not a valid DE postal code (NNNNN)");

    Map<String, Object> badAddressCountry = german("AB-" + unique(), null);
    badAddressCountry.put("address", Map.of("street", "Main Street 1", "postalCode", "1", "city", "X",
        "country", "ZZ"));
    assertThat(errors(send(admin, HttpMethod.POST, "/api/customers", badAddressCountry))).contains(
        "address.country: 'ZZ' is not an ISO 3166-1 alpha-2 country code such as SE, NO or DE");
  }

  @Test
  void reverseChargeWithVatOrZeroWithoutTheBuyersVatNumberIs400NamingTheLine() throws Exception {
    RestClient admin = api();
    ResponseEntity<String> withVat = send(admin, HttpMethod.POST, "/api/invoices",
        invoice(german("AB-" + unique(), "DE123456789"), "0", "25"));
    assertThat(withVat.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(withVat)).containsExactly("lines[1].vatRate: 25 % is not allowed: reverse charge to the DE "
        + "business DE123456789 (the buyer accounts for the VAT); every line must be 0 %");

    ResponseEntity<String> noVatNumber = send(admin, HttpMethod.POST, "/api/invoices",
        invoice(german("AB-" + unique(), null), "0"));
    assertThat(errors(noVatNumber)).containsExactly("lines[0].vatRate: 0 % to a business in DE is reverse charge, "
        + "which needs the buyer's VAT number (customer.vatNumber, e.g. DE…); without one the seller's rate applies "
        + "([25, 12, 6, 0])");

    Map<String, Object> us = german("AB-" + unique(), null);
    us.put("country", "US");
    us.put("address", Map.of("street", "1 Main Street", "postalCode", "10001", "city", "New York NY"));
    assertThat(errors(send(admin, HttpMethod.POST, "/api/invoices", invoice(us, "12")))).containsExactly(
        "lines[0].vatRate: 12 % is not allowed: export to a buyer in US outside the EU (no SE VAT); every line must "
            + "be 0 %");
  }

  @Test
  void aReverseChargeInvoiceSaysSoWithBothVatNumbersAndAnExportInvoiceItsExemption() throws Exception {
    RestClient admin = api();
    ResponseEntity<String> created = send(admin, HttpMethod.POST, "/api/invoices",
        invoice(german("AB-" + unique(), "DE123456789"), "0", "0"));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    Invoice invoice = invoices.get(json(created).get("invoiceNumber").asText());
    assertThat(invoice.vatAmount()).isEqualByComparingTo("0");
    assertThat(invoice.paymentReference()).as("an OCR reference as for every invoice").matches("\\d+");
    assertThat(invoices.events(invoice).get(0).message()).contains("reverse charge (buyer's VAT number DE123456789)");
    assertThat(invoices.lines(invoice)).extracting(InvoiceLine::revenueAccount).as("BAS 3308, services to the EU")
        .containsExactly("3308", "3308");

    String letter = Letters.pdfText(documents.issue(invoice, DocumentKind.INVOICE, 1, BigDecimal.ZERO.setScale(2),
        invoice.dueDate()).content());
    assertThat(letter).contains("Reverse charge: the buyer accounts for the VAT", "DE123456789", "SE556677889901",
        "Friedrichstraße 1", "10117 Berlin", "GERMANY", "Invoice");

    Map<String, Object> swedishSpeaking = german("AB-" + unique(), "DE987654321");
    swedishSpeaking.put("language", "sv");
    Invoice sv = invoices.get(json(send(admin, HttpMethod.POST, "/api/invoices", invoice(swedishSpeaking, "0")))
        .get("invoiceNumber").asText());
    assertThat(Letters.pdfText(documents.issue(sv, DocumentKind.INVOICE, 1, BigDecimal.ZERO.setScale(2), sv.dueDate())
        .content())).contains("Omvänd betalningsskyldighet", "TYSKLAND");

    Map<String, Object> british = german("AB-" + unique(), null);
    british.put("country", "GB");
    british.put("language", "nb");
    british.put("address", Map.of("street", "10 Downing Street", "postalCode", "SW1A 2AA", "city", "London"));
    Invoice gb = invoices.get(json(send(admin, HttpMethod.POST, "/api/invoices", invoice(british, "0")))
        .get("invoiceNumber").asText());
    assertThat(invoices.vat(gb).treatment()).isEqualTo(VatTreatment.EXPORT);
    assertThat(invoices.lines(gb)).extracting(InvoiceLine::revenueAccount).as("BAS 3305, outside the EU")
        .containsExactly("3305");
    assertThat(Letters.pdfText(documents.issue(gb, DocumentKind.INVOICE, 1, BigDecimal.ZERO.setScale(2), gb.dueDate())
        .content())).contains("Eksport ut av EU", "LONDON SW1A 2AA", "STORBRITANNIA");
  }

  @Test
  void aPrivatePersonInTheEuPaysTheSellersRate() throws Exception {
    Map<String, Object> finn = german("AB-" + unique(), null);
    finn.put("type", "PRIVATE");
    finn.put("country", "FI");
    finn.remove("organisationNumber");
    finn.put("address", Map.of("street", "Mannerheimintie 1", "postalCode", "00100", "city", "Helsinki"));

    ResponseEntity<String> created = send(api(), HttpMethod.POST, "/api/invoices", invoice(finn, "25"));

    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    Invoice invoice = invoices.get(json(created).get("invoiceNumber").asText());
    assertThat(invoice.vatAmount()).isEqualByComparingTo("250.00");
    assertThat(invoices.vat(invoice)).isEqualTo(InvoiceVat.DOMESTIC);
    assertThat(invoices.lines(invoice)).extracting(InvoiceLine::revenueAccount).containsExactly("3001");
  }

  static Map<String, Object> german(String number, String vatNumber) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("customerNumber", number);
    c.put("name", "Beispiel GmbH");
    c.put("type", "BUSINESS");
    c.put("country", "DE");
    c.put("organisationNumber", "HRB 12345");
    if (vatNumber != null) {
      c.put("vatNumber", vatNumber);
    }
    c.put("email", number.toLowerCase() + "@beispiel.example");
    c.put("address", Map.of("street", "Friedrichstraße 1", "postalCode", "10117", "city", "Berlin"));
    return c;
  }

  /** An invoice in EUR of 1 000.00 per line at the rates given, with the customer inline. */
  static Map<String, Object> invoice(Map<String, Object> customer, String... vatRates) {
    Map<String, Object> i = new LinkedHashMap<>();
    i.put("customerNumber", customer.get("customerNumber"));
    i.put("customer", customer);
    i.put("issueDate", "2026-03-02");
    i.put("dueDate", "2026-04-01");
    i.put("currency", "EUR");
    i.put("lines", List.of(vatRates).stream().map(rate -> Map.of("description", "Consulting", "quantity", 1,
        "unitPrice", "1000.00", "vatRate", rate)).toList());
    return i;
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
