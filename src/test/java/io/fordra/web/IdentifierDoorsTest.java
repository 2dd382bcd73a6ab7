package io.fordra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.kernel.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Finding 8 of issue 13 (unaddressable identifiers): invoice, customer and article numbers follow one rule
 * (io.fordra.kernel.Identifiers), and every door refuses a number outside it with 400 problem+json naming the field, so
 * that nothing is stored that a URL could not name again.
 */
@FordraTestContext
class IdentifierDoorsTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Outside the rule: '/', a leading or trailing '-' or '.', "..", a space, a letter outside ASCII, 41 characters. */
  private static final List<String> BAD = List.of("F/2026/1", "-F1", "F1-", ".F1", "F1.", "F..1", "F 1", "FÖ1",
      "F;1", "F%2F1", "X".repeat(41));

  @Autowired CustomerService customers;

  @Test
  void postInvoicesRefusesABadInvoiceNumber_andF2026_1IsNotStored() throws Exception {
    CustomerRequest customer = registered();
    for (String bad : BAD) {
      Map<String, Object> invoice = invoice(bad, customer.customerNumber(), null);
      assertRefused(call(HttpMethod.POST, "/api/invoices", invoice), "invoiceNumber", bad);
      assertThat(invoices.find(bad)).as(bad).isEmpty();
    }
    assertThat(call(HttpMethod.POST, "/api/invoices", invoice("F-2026-1." + unique(), customer.customerNumber(),
        null)).getStatusCode().value()).as("letters, digits, '-', '_' and '.' inside").isEqualTo(201);
  }

  @Test
  void postInvoicesRefusesABadCustomerNumber_givenOrInline() throws Exception {
    for (String bad : BAD) {
      assertRefused(call(HttpMethod.POST, "/api/invoices", invoice("I-" + unique(), bad, null)), "customerNumber",
          bad);
      CustomerRequest inline = customer(bad);
      Map<String, Object> invoice = invoice("I-" + unique(), null, inline);
      assertRefused(call(HttpMethod.POST, "/api/invoices", invoice), "customer.customerNumber", bad);
      assertThat(customers.find(bad)).as(bad).isEmpty();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void postInvoicesRefusesABadArticleNumberOnALine() throws Exception {
    CustomerRequest customer = registered();
    for (String bad : BAD) {
      Map<String, Object> invoice = invoice("I-" + unique(), customer.customerNumber(), null);
      ((Map<String, Object>) ((List<?>) invoice.get("lines")).get(0)).put("articleNumber", bad);
      assertRefused(call(HttpMethod.POST, "/api/invoices", invoice), "lines[0].articleNumber", bad);
    }
  }

  @Test
  void postCustomersRefusesABadCustomerNumber() throws Exception {
    for (String bad : BAD) {
      assertRefused(call(HttpMethod.POST, "/api/customers", customer(bad)), "customerNumber", bad);
      assertThat(customers.find(bad)).as(bad).isEmpty();
    }
  }

  @Test
  void postAndPutArticlesRefuseABadArticleNumber_andAnArticleIsOneSegmentOfThePath() throws Exception {
    for (String bad : BAD) {
      assertRefused(call(HttpMethod.POST, "/api/articles", article(bad)), "articleNumber", bad);
    }
    String good = "ART-2026." + unique();
    assertThat(call(HttpMethod.POST, "/api/articles", article(good)).getStatusCode().value()).isEqualTo(201);
    assertThat(call(HttpMethod.PUT, "/api/articles/" + good, article(null)).getStatusCode().value()).isEqualTo(200);
    assertRefused(call(HttpMethod.PUT, "/api/articles/" + good + ".", article(null)), "articleNumber", good + ".");
    // No more rest-of-path numbers: ART/2026/1 is no article, whatever the path says.
    assertThat(call(HttpMethod.GET, "/api/articles/" + good + "/1", null).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void pathVariablesWithABadNumberAnswer400NamingTheField_never500() throws Exception {
    CustomerRequest customer = registered();
    for (String bad : List.of("F..1", "-F1", "X".repeat(41), "F 1", "FÖ1")) {
      String path = bad; // RestClient percent-encodes what a path may not hold as it is (the space, the Ö)
      assertRefused(call(HttpMethod.GET, "/api/invoices/" + path, null), "invoiceNumber", bad);
      assertRefused(call(HttpMethod.GET, "/api/invoices/" + path + "/documents", null), "invoiceNumber", bad);
      assertRefused(call(HttpMethod.POST, "/api/invoices/" + path + "/credit-notes",
          Map.of("reason", "wrong")), "invoiceNumber", bad);
      assertRefused(call(HttpMethod.POST, "/api/invoices/" + path + "/objections",
          Map.of("reason", "wrong", "raisedBy", "CUSTOMER")), "invoiceNumber", bad);
      assertRefused(call(HttpMethod.GET, "/api/customers/" + path, null), "customerNumber", bad);
      assertRefused(call(HttpMethod.GET, "/api/articles/" + path, null), "articleNumber", bad);
      // Portal users are created for the customer in the path.
      assertRefused(call(HttpMethod.POST, "/api/customers/" + path + "/portal-users", Map.of("username", "eva"
          + unique(), "name", "Eva", "password", "correct horse battery")), "customerNumber", bad);
    }
    assertThat(call(HttpMethod.GET, "/api/customers/" + customer.customerNumber(), null).getStatusCode().value())
        .isEqualTo(200);
    assertThat(call(HttpMethod.GET, "/api/invoices/NO-SUCH-" + unique(), null).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void theInvoiceFileReportsEachBadNumberWithItsLine() throws Exception {
    CustomerRequest customer = registered();
    String run = unique();
    String csv = String.join("\n",
        "invoiceNumber,customerNumber,name,type,country,email,issueDate,dueDate,currency,articleNumber,description,"
            + "quantity,unitPrice,vatRate",
        "F/" + run + "/1," + customer.customerNumber() + ",,,,,2026-03-02,2026-04-01,SEK,,Hyra,1,100,25",
        "G-" + run + ",-C" + run + ",Bo Berg,PRIVATE,SE,bo@example.se,2026-03-02,2026-04-01,SEK,,Hyra,1,100,25",
        "H-" + run + "," + customer.customerNumber() + ",,,,,2026-03-02,2026-04-01,SEK,A/" + run + ",Hyra,1,100,25",
        "OK-" + run + "," + customer.customerNumber() + ",,,,,2026-03-02,2026-04-01,SEK,,Hyra,1,100,25");
    ResponseEntity<String> received = upload("/api/invoice-files", "numbers.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(received.getStatusCode().value()).as(received.getBody()).isEqualTo(202);
    long id = JSON.readTree(received.getBody()).get("id").asLong();
    executeDueJobs();

    JsonNode summary = JSON.readTree(call(HttpMethod.GET, "/api/invoice-files/" + id, null).getBody());
    assertThat(summary.get("created").asInt()).isEqualTo(1);
    assertThat(summary.get("rejected").asInt()).isEqualTo(3);
    List<String> messages = new ArrayList<>();
    summary.get("problems").forEach(p -> p.get("messages").forEach(m -> messages.add(m.asText())));
    assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("line 2, invoiceNumber: 'F/" + run + "/1' "))
        .anySatisfy(m -> assertThat(m).startsWith("line 3, customerNumber: '-C" + run + "' "))
        .anySatisfy(m -> assertThat(m).startsWith("line 4, articleNumber: 'A/" + run + "' "))
        .allSatisfy(m -> assertThat(m).contains(Identifiers.RULE));
    assertThat(invoices.find("F/" + run + "/1")).isEmpty();
    assertThat(customers.find("-C" + run)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** 400 problem+json whose errors name the field, quote the number and state the rule. */
  private static void assertRefused(ResponseEntity<String> reply, String field, String bad) throws Exception {
    assertThat(reply.getStatusCode().value()).as(bad + ": " + reply.getBody()).isEqualTo(400);
    assertThat(reply.getHeaders().getContentType()).hasToString("application/problem+json");
    JsonNode errors = JSON.readTree(reply.getBody()).get("errors");
    assertThat(errors.findValuesAsText("field")).as(bad + ": " + reply.getBody()).contains(field);
    errors.forEach(e -> {
      if (e.get("field").asText().equals(field)) {
        assertThat(e.get("message").asText()).isEqualTo(Identifiers.problem(bad));
      }
    });
  }

  private CustomerRequest registered() {
    CustomerRequest customer = customer(CustomerType.PRIVATE, Country.SE, false, false);
    customers.create(customer);
    return customer;
  }

  private static CustomerRequest customer(String number) {
    CustomerRequest c = customer(CustomerType.PRIVATE, Country.SE, false, false);
    return new CustomerRequest(number, c.name(), c.type(), c.priority(), c.country(), null, c.email(), null,
        c.address(), false, c.preferredChannel(), null, null);
  }

  private static Map<String, Object> invoice(String number, String customerNumber, CustomerRequest inline) {
    Map<String, Object> line = new LinkedHashMap<>(Map.of("description", "Hyra", "quantity", 1, "unitPrice",
        "100.00", "vatRate", 25));
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("invoiceNumber", number);
    invoice.put("customerNumber", customerNumber);
    invoice.put("customer", inline);
    invoice.put("issueDate", "2026-03-02");
    invoice.put("dueDate", "2026-04-01");
    invoice.put("currency", Currency.SEK.name());
    invoice.put("lines", List.of(line));
    return invoice;
  }

  private static Map<String, Object> article(String number) {
    Map<String, Object> article = new LinkedHashMap<>();
    article.put("articleNumber", number);
    article.put("descriptions", Map.of("sv", "Frakt"));
    article.put("unit", "st");
    article.put("unitPrice", "49.00");
    article.put("vatRate", 25);
    return article;
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
