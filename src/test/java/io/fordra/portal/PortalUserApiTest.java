package io.fordra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Staff create and list a customer's portal users over /api; passwords are kept as BCrypt hashes only. */
@FordraTestContext
class PortalUserApiTest extends ProcessTestSupport {

  @Autowired JdbcClient jdbc;

  @Test
  void staffCreateAndListPortalUsers() {
    CustomerRequest customer = customer(CustomerType.BUSINESS, Country.SE, false, true);
    createInvoice(customer, Currency.SEK);
    String username = "eva." + UUID.randomUUID().toString().substring(0, 6);
    String path = "/api/customers/" + customer.customerNumber() + "/portal-users";

    ResponseEntity<JsonNode> created = post(path, Map.of("username", username.toUpperCase(), "name", "Eva Ek",
        "email", "eva@kund.example", "password", "correct horse battery", "administrator", true,
        "financial", false, "language", "sv"));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getHeaders().getLocation().getPath()).startsWith(path + "/");
    JsonNode user = created.getBody();
    assertThat(user.get("username").asText()).as("user names are kept in lower case").isEqualTo(username);
    assertThat(user.get("administrator").asBoolean()).isTrue();
    assertThat(user.get("financial").asBoolean()).isFalse();
    assertThat(user.get("language").asText()).isEqualTo("sv");
    assertThat(user.has("password")).isFalse();
    assertThat(user.has("passwordHash")).isFalse();

    String hash = jdbc.sql("SELECT password_hash FROM fordra_portal_user WHERE username = ?").param(username)
        .query(String.class).single();
    assertThat(hash).doesNotContain("correct horse battery").startsWith("$2a$12$");
    assertThat(new BCryptPasswordEncoder().matches("correct horse battery", hash)).isTrue();

    // The same name again, in any case: 409.
    ResponseEntity<JsonNode> taken = post(path, Map.of("username", username, "name", "Other",
        "password", "another long password"));
    assertThat(taken.getStatusCode().value()).isEqualTo(409);
    assertThat(taken.getHeaders().getContentType().toString()).startsWith("application/problem+json");

    ResponseEntity<JsonNode> list = api().get().uri(path).retrieve().toEntity(JsonNode.class);
    assertThat(list.getBody().findValuesAsText("username")).containsExactly(username);
    assertThat(list.getBody().get(0).get("language").asText()).isEqualTo("sv");
  }

  @Test
  void badPortalUsersAreRefusedWithEveryReason() {
    CustomerRequest customer = customer(CustomerType.PRIVATE, Country.NO, false, false);
    createInvoice(customer, Currency.NOK);
    String path = "/api/customers/" + customer.customerNumber() + "/portal-users";

    ResponseEntity<JsonNode> bad = post(path, Map.of("username", "a b", "password", "short", "email", "not-mail",
        "language", "de"));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(bad.getBody().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("username", "name", "email", "password", "language");
    // Exactly 11 characters is one too few; 12 is enough; the default language is the customer's (NO: nb).
    assertThat(post(path, Map.of("username", "ola", "name", "Ola", "password", "12345678901"))
        .getBody().get("errors").findValuesAsText("field")).containsExactly("password");
    ResponseEntity<JsonNode> ok = post(path, Map.of("username", "ola", "name", "Ola", "password", "123456789012"));
    assertThat(ok.getStatusCode().value()).isEqualTo(201);
    assertThat(ok.getBody().get("language").asText()).isEqualTo("nb");
    assertThat(ok.getBody().get("administrator").asBoolean()).isFalse();

    assertThat(post("/api/customers/NO-SUCH/portal-users", Map.of("username", "x1x", "name", "X",
        "password", "123456789012")).getStatusCode().value()).isEqualTo(404);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_portal_user WHERE customer_number = ?")
        .param(customer.customerNumber()).query(Integer.class).single()).isEqualTo(1);
    // Without staff credentials: 401.
    assertThat(org.springframework.web.client.RestClient.create("http://localhost:" + port).get().uri(path)
        .retrieve().onStatus(s -> true, (req, res) -> { }).toBodilessEntity().getStatusCode().value())
        .isEqualTo(401);
  }

  private ResponseEntity<JsonNode> post(String path, Map<String, Object> body) {
    return api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
        .onStatus(s -> true, (req, res) -> { }).toEntity(JsonNode.class);
  }
}
