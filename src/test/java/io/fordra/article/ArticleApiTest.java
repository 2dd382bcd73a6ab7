package io.fordra.article;

import static io.fordra.ApiAnswers.errors;
import static io.fordra.ApiAnswers.get;
import static io.fordra.ApiAnswers.json;
import static io.fordra.ApiAnswers.patch;
import static io.fordra.ApiAnswers.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** The article register over /api/articles: create, read, change, list, every rule of a body, and the roles. */
@FordraTestContext
class ArticleApiTest extends ProcessTestSupport {

  private static final String PASSWORD = "Article-Password-1";

  @Autowired IdentityService identity;

  private final List<String> users = new ArrayList<>();
  private RestClient admin;

  @BeforeEach
  void client() {
    admin = api();
  }

  @AfterEach
  void deleteUsers() {
    users.forEach(identity::deleteUser);
  }

  @Test
  void createReadChangeRead_theChangeReplacesDescriptionsKeepsCreatedAtAndMovesUpdatedAt() throws Exception {
    String number = "ART-" + unique() + ".1";
    ResponseEntity<String> created = send(admin, HttpMethod.POST, "/api/articles",
        article(number, Map.of("sv", " Konsulttimme ", "en", "Consulting hour"), "tim", "950.5", "25", "3041"));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/articles/" + number);
    String first = "{\"articleNumber\":\"" + number + "\",\"descriptions\":{\"en\":\"Consulting hour\","
        + "\"sv\":\"Konsulttimme\"},\"unit\":\"tim\",\"unitPrice\":950.50,\"vatRate\":25.00,"
        + "\"revenueAccount\":\"3041\",\"createdAt\":\"2026-03-02T08:00:00Z\",\"updatedAt\":\"2026-03-02T08:00:00Z\"}";
    assertThat(created.getBody()).isEqualTo(first);
    assertThat(get(admin, "/api/articles/" + number).getBody()).isEqualTo(first);

    at(LocalDate.of(2026, 3, 5), LocalTime.of(10, 30));
    Map<String, Object> change = article(null, Map.of("nb", "Konsulenttime"), "st", "1000", "12", null);
    ResponseEntity<String> changed = send(admin, HttpMethod.PUT, "/api/articles/" + number, change);
    assertThat(changed.getStatusCode().value()).isEqualTo(200);
    String second = "{\"articleNumber\":\"" + number + "\",\"descriptions\":{\"nb\":\"Konsulenttime\"},"
        + "\"unit\":\"st\",\"unitPrice\":1000.00,\"vatRate\":12.00,\"revenueAccount\":null,"
        + "\"createdAt\":\"2026-03-02T08:00:00Z\",\"updatedAt\":\"2026-03-05T09:30:00Z\"}";
    assertThat(changed.getBody()).isEqualTo(second);
    assertThat(get(admin, "/api/articles/" + number).getBody()).isEqualTo(second);
  }

  /**
   * Issue 15, item 8: the README changed KONS-01 with a PUT that left out the English description and the revenue
   * account, and both were gone. The change the README means is a PATCH, which keeps them; a PUT replaces the whole
   * article and its 400 for a missing field says so.
   */
  @Test
  void theReadmeChangeAsAPatchKeepsTheEnglishDescriptionAndTheRevenueAccount_aPutReplacesTheWholeArticle()
      throws Exception {
    String number = "KONS-" + unique();
    assertThat(send(admin, HttpMethod.POST, "/api/articles", article(number,
        Map.of("sv", "Konsulttimme", "en", "Consulting hour"), "tim", "1000.00", "25", "3041"))
        .getStatusCode().value()).isEqualTo(201);

    ResponseEntity<String> patched = patch(admin, "/api/articles/" + number,
        "{\"descriptions\": {\"sv\": \"Konsulttimme senior\"}, \"unitPrice\": \"1200.00\"}");
    assertThat(patched.getStatusCode().value()).isEqualTo(200);
    JsonNode changed = json(get(admin, "/api/articles/" + number));
    assertThat(changed.get("descriptions").toString())
        .isEqualTo("{\"en\":\"Consulting hour\",\"sv\":\"Konsulttimme senior\"}");
    assertThat(changed.get("unitPrice").decimalValue()).isEqualByComparingTo("1200.00");
    assertThat(changed.get("revenueAccount").asText()).isEqualTo("3041");
    assertThat(changed.get("unit").asText()).isEqualTo("tim");
    assertThat(json(patched)).isEqualTo(changed);

    Map<String, Object> partial = new LinkedHashMap<>();
    partial.put("descriptions", Map.of("sv", "Konsulttimme junior"));
    partial.put("unitPrice", new java.math.BigDecimal("800.00"));
    ResponseEntity<String> refused = send(admin, HttpMethod.PUT, "/api/articles/" + number, partial);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(errors(refused)).containsExactly(
        "unit: is required: a PUT replaces the whole article (PATCH changes only the fields given)",
        "vatRate: is required: a PUT replaces the whole article (PATCH changes only the fields given)");
    assertThat(json(get(admin, "/api/articles/" + number))).isEqualTo(changed);

    Map<String, Object> whole = new LinkedHashMap<>(partial);
    whole.put("unit", "tim");
    whole.put("vatRate", 25);
    JsonNode replaced = json(send(admin, HttpMethod.PUT, "/api/articles/" + number, whole));
    assertThat(replaced.get("descriptions").toString()).as("a PUT's descriptions are all the article has")
        .isEqualTo("{\"sv\":\"Konsulttimme junior\"}");
    assertThat(replaced.get("revenueAccount").isNull()).as("an optional field a PUT leaves out is cleared").isTrue();
  }

  @Test
  void aPatchChangesOnlyTheFieldsGiven_nullClearsAnOptionalField_andIsCheckedAsACreate() throws Exception {
    String number = "P-" + unique();
    send(admin, HttpMethod.POST, "/api/articles",
        article(number, Map.of("sv", "Frakt", "en", "Freight"), "st", "49.00", "25", "3041"));

    at(LocalDate.of(2026, 3, 6), LocalTime.of(9, 0));
    String price = patch(admin, "/api/articles/" + number, "{\"unitPrice\": \"59.50\"}").getBody();
    assertThat(price).isEqualTo("{\"articleNumber\":\"" + number + "\",\"descriptions\":{\"en\":"
        + "\"Freight\",\"sv\":\"Frakt\"},\"unit\":\"st\",\"unitPrice\":59.50,\"vatRate\":25.00,"
        + "\"revenueAccount\":\"3041\",\"createdAt\":\"2026-03-02T08:00:00Z\",\"updatedAt\":\"2026-03-06T08:00:00Z\"}");

    JsonNode cleared = json(patch(admin, "/api/articles/" + number,
        "{\"descriptions\": {\"en\": null}, \"revenueAccount\": null}"));
    assertThat(cleared.get("descriptions").toString()).isEqualTo("{\"sv\":\"Frakt\"}");
    assertThat(cleared.get("revenueAccount").isNull()).isTrue();
    assertThat(cleared.get("unitPrice").decimalValue()).isEqualByComparingTo("59.50");

    ResponseEntity<String> refused = patch(admin, "/api/articles/" + number,
        "{\"descriptions\": {\"sv\": null}, \"unit\": null, \"unitPrice\": \"-1\", \"vatRate\": 7}");
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(refused)).containsExactly(
        "descriptions: at least one description is required (languages [sv, nb, en])",
        "unit: is required",
        "unitPrice: is negative",
        "vatRate: 7 % is not a VAT rate in SE (allowed: [25, 12, 6, 0])");
    assertThat(json(get(admin, "/api/articles/" + number))).isEqualTo(cleared);
  }

  @Test
  void aPatchRefusesAnUnknownFieldAnotherNumberAndPlainJson_andAnUnknownArticleIs404() throws Exception {
    String number = "Q-" + unique();
    send(admin, HttpMethod.POST, "/api/articles", article(number, Map.of("sv", "Hyra"), "mån", "100", "25", null));

    ResponseEntity<String> unknown = patch(admin, "/api/articles/" + number, "{\"price\": \"5.00\"}");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(errors(unknown)).singleElement().asString()
        .startsWith("price: is not a property of this resource; known properties: articleNumber, descriptions");

    ResponseEntity<String> text = patch(admin, "/api/articles/" + number, "{\"unit\": 5}");
    assertThat(errors(text)).containsExactly("unit: must be a JSON string (text in quotes), not a number (5)");

    ResponseEntity<String> other = patch(admin, "/api/articles/" + number, "{\"articleNumber\": \"" + number + "-X\"}");
    assertThat(errors(other)).containsExactly("articleNumber: '" + number + "-X' is not the article in the path ('"
        + number + "'); leave it out or give the same number (an article number cannot change)");

    ResponseEntity<String> plain = admin.patch().uri("/api/articles/" + number).contentType(MediaType.APPLICATION_JSON)
        .body("{\"unit\": \"st\"}").retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
    assertThat(plain.getStatusCode().value()).isEqualTo(415);
    assertThat(plain.getHeaders().getContentType()).hasToString("application/problem+json");

    ResponseEntity<String> missing = patch(admin, "/api/articles/NONE-" + number, "{\"unit\": \"st\"}");
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    assertThat(json(missing).get("detail").asText()).isEqualTo("No article NONE-" + number);

    JsonNode kept = json(get(admin, "/api/articles/" + number));
    assertThat(kept.get("unit").asText()).isEqualTo("mån");
    assertThat(kept.get("unitPrice").decimalValue()).isEqualByComparingTo("100");
  }

  @Test
  void theListIsOrderedByNumberAndPagedWithAfterAndLimit() throws Exception {
    String prefix = "L" + unique() + "-";
    for (String last : List.of("3", "1", "2")) {
      assertThat(send(admin, HttpMethod.POST, "/api/articles",
          article(prefix + last, Map.of("sv", "Artikel " + last), "st", last + "0", "6", null))
          .getStatusCode().value()).isEqualTo(201);
    }
    JsonNode page = json(get(admin, "/api/articles?limit=2&after=" + prefix));
    assertThat(page.findValuesAsText("articleNumber")).containsExactly(prefix + "1", prefix + "2");
    assertThat(page.get(1).get("descriptions").toString()).isEqualTo("{\"sv\":\"Artikel 2\"}");
    assertThat(page.get(1).get("unitPrice").asText()).isEqualTo("20.0");
    assertThat(json(get(admin, "/api/articles?limit=1&after=" + prefix + "2")).findValuesAsText("articleNumber"))
        .containsExactly(prefix + "3");
    for (String limit : List.of("0", "1001")) {
      ResponseEntity<String> refused = get(admin, "/api/articles?limit=" + limit);
      assertThat(refused.getStatusCode().value()).isEqualTo(400);
      assertThat(errors(refused)).containsExactly("limit: must be between 1 and 1000");
    }
  }

  @Test
  void aBadBodyIsRefusedWithEveryReasonAndNothingIsStored() throws Exception {
    Map<String, String> descriptions = new LinkedHashMap<>();
    descriptions.put("sv", "Rådgivning");
    descriptions.put("de", "Beratung");
    descriptions.put("en", " ");
    ResponseEntity<String> refused = send(admin, HttpMethod.POST, "/api/articles",
        article("BAD NUMBER", descriptions, null, "-10.00", "7", "30A1"));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(errors(refused)).containsExactly(
        "articleNumber: 'BAD NUMBER' is not a valid number: " + io.fordra.kernel.Identifiers.RULE,
        "descriptions.de: 'de' is not one of [sv, nb, en]",
        "descriptions.en: is required",
        "unit: is required",
        "unitPrice: is negative",
        "vatRate: 7 % is not a VAT rate in SE (allowed: [25, 12, 6, 0])",
        "revenueAccount: must be a 4-digit account such as 3041 (or left out for the sales account of the VAT "
            + "rate)");

    String number = "B-" + unique();
    refused = send(admin, HttpMethod.POST, "/api/articles", article(number, Map.of(), "st", "10.005", "25", null));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(refused)).containsExactly(
        "descriptions: at least one description is required (languages [sv, nb, en])",
        "unitPrice: has more than 2 decimals");
    assertThat(get(admin, "/api/articles/" + number).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void unknownArticles404_aTakenNumber409_aPutForAnotherNumber400() throws Exception {
    String number = "D-" + unique();
    ResponseEntity<String> missing = get(admin, "/api/articles/" + number);
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    assertThat(json(missing).get("detail").asText()).isEqualTo("No article " + number);
    assertThat(send(admin, HttpMethod.PUT, "/api/articles/" + number,
        article(null, Map.of("sv", "Ny"), "st", "1", "25", null)).getStatusCode().value()).isEqualTo(404);

    Map<String, Object> body = article(number, Map.of("sv", "Frakt"), "st", "49", "25", null);
    assertThat(send(admin, HttpMethod.POST, "/api/articles", body).getStatusCode().value()).isEqualTo(201);
    ResponseEntity<String> again = send(admin, HttpMethod.POST, "/api/articles",
        article(number, Map.of("sv", "Annan frakt"), "st", "99", "25", null));
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(json(again).get("detail").asText()).isEqualTo("Article " + number + " already exists");

    ResponseEntity<String> other = send(admin, HttpMethod.PUT, "/api/articles/" + number,
        article(number + "-X", Map.of("sv", "Frakt"), "st", "59", "25", null));
    assertThat(other.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(other)).containsExactly("articleNumber: '" + number + "-X' is not the article in the path ('"
        + number + "'); leave it out or give the same number (an article number cannot change)");
    JsonNode kept = json(get(admin, "/api/articles/" + number));
    assertThat(kept.get("descriptions").toString()).isEqualTo("{\"sv\":\"Frakt\"}");
    assertThat(kept.get("unitPrice").asText()).isEqualTo("49.0");
  }

  @Test
  void financeKeepsTheRegister_andMayPutAndPatchIt_caseHandlersOnlyReadIt() throws Exception {
    String number = "R-" + unique();
    RestClient finance = as("finance");
    RestClient caseHandler = as("case-handlers");
    Map<String, Object> body = article(number, Map.of("sv", "Städning"), "tim", "450", "25", null);
    assertThat(send(caseHandler, HttpMethod.POST, "/api/articles", body).getStatusCode().value()).isEqualTo(403);
    assertThat(send(finance, HttpMethod.POST, "/api/articles", body).getStatusCode().value()).isEqualTo(201);
    assertThat(get(caseHandler, "/api/articles/" + number).getStatusCode().value()).isEqualTo(200);
    assertThat(get(caseHandler, "/api/articles?limit=1").getStatusCode().value()).isEqualTo(200);
    Map<String, Object> change = article(number, Map.of("sv", "Städning"), "tim", "475", "25", null);
    assertThat(send(caseHandler, HttpMethod.PUT, "/api/articles/" + number, change).getStatusCode().value())
        .isEqualTo(403);
    assertThat(send(finance, HttpMethod.PUT, "/api/articles/" + number, change).getStatusCode().value())
        .isEqualTo(200);
    assertThat(json(get(caseHandler, "/api/articles/" + number)).get("unitPrice").asText()).isEqualTo("475.0");
    String price = "{\"unitPrice\": \"480.00\"}";
    assertThat(patch(caseHandler, "/api/articles/" + number, price).getStatusCode().value()).isEqualTo(403);
    assertThat(patch(finance, "/api/articles/" + number, price).getStatusCode().value()).isEqualTo(200);
    assertThat(json(get(caseHandler, "/api/articles/" + number)).get("unitPrice").asText()).isEqualTo("480.0");
  }

  @Test
  void anInvoiceOverRestTakesWhatItsLinesLeaveOutFromTheRegister_inTheCustomersLanguage_andRefusesAnUnknownArticle()
      throws Exception {
    String number = "NO-" + unique();
    send(admin, HttpMethod.POST, "/api/articles", article(number, Map.of("sv", "Konsulttimme", "nb", "Konsulenttime"),
        "tim", "800", "25", "3041"));
    var customer = customer(io.fordra.customer.CustomerType.PRIVATE, io.fordra.customer.Country.NO, false, false);
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("articleNumber", number);
    line.put("quantity", 3);
    Map<String, Object> free = Map.of("description", "Reise", "quantity", 1, "unitPrice", "500.00", "vatRate", 12);
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("invoiceNumber", "INV-" + number);
    invoice.put("customer", customer);
    invoice.put("customerNumber", customer.customerNumber());
    invoice.put("issueDate", "2026-03-02");
    invoice.put("dueDate", "2026-04-01");
    invoice.put("currency", "NOK");
    invoice.put("lines", List.of(line, free));
    ResponseEntity<String> created = send(admin, HttpMethod.POST, "/api/invoices", invoice);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode body = json(created);
    // 3 × 800.00 = 2 400.00 + 25 % 600.00, and 500.00 + 12 % 60.00
    assertThat(body.get("totalAmount").decimalValue()).isEqualByComparingTo("3560.00");
    JsonNode first = body.get("lines").get(0);
    assertThat(first.get("description").asText()).as("the customer (NO) reads Norwegian").isEqualTo("Konsulenttime");
    assertThat(first.get("unitPrice").decimalValue()).isEqualByComparingTo("800.00");
    assertThat(first.get("vatRate").decimalValue()).isEqualByComparingTo("25");
    assertThat(first.get("revenueAccount").asText()).isEqualTo("3041");
    assertThat(body.get("lines").get(1).get("articleNumber").isNull()).isTrue();

    line.put("articleNumber", "MISSING-" + number);
    line.put("vatRate", 12);
    invoice.put("invoiceNumber", "INV2-" + number);
    ResponseEntity<String> unknown = send(admin, HttpMethod.POST, "/api/invoices", invoice);
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(unknown)).containsExactly(
        "lines[0].articleNumber: article MISSING-" + number + " is not in the article register");
    line.put("articleNumber", number);
    ResponseEntity<String> otherVat = send(admin, HttpMethod.POST, "/api/invoices", invoice);
    assertThat(errors(otherVat)).containsExactly("lines[0].vatRate: 12 % differs from the 25 % of article " + number);
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static Map<String, Object> article(String number, Map<String, String> descriptions, String unit,
                                             String unitPrice, String vatRate, String revenueAccount) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("articleNumber", number);
    body.put("descriptions", descriptions);
    body.put("unit", unit);
    body.put("unitPrice", new java.math.BigDecimal(unitPrice));
    body.put("vatRate", new java.math.BigDecimal(vatRate));
    body.put("revenueAccount", revenueAccount);
    return body;
  }

  /** A REST client as a new user of this group. */
  private RestClient as(String group) {
    String id = group + "-" + unique();
    User user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
    users.add(id);
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth(id, PASSWORD)).build();
  }
}
