package io.fordra.distribution.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.document.StoredDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** GET /api/print-batches, GET /api/print-batches/{id} and POST /api/print-batches/close. */
@FordraTestContext
class PrintBatchControllerTest extends PrintTestSupport {

  @LocalServerPort int port;
  RestClient api;

  @BeforeEach
  void client() {
    api = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth("admin", "admin")).build();
  }

  @Test
  void closeListAndGetPrintBatches() throws Exception {
    assertThat(api.post().uri("/api/print-batches/close").retrieve().toBodilessEntity().getStatusCode().value())
        .as("nothing waiting").isEqualTo(204);

    StoredDocument first = letter(1);
    StoredDocument second = letter(60);
    print.add(first.id(), 1, recipient("Anna Andersson"));
    print.add(second.id(), 1, new PrintRecipient("Bertil AB", null, "Kungsgatan 2", "411 19", "Göteborg", "SE"));

    ResponseEntity<JsonNode> closed = api.post().uri("/api/print-batches/close").retrieve().toEntity(JsonNode.class);
    assertThat(closed.getStatusCode().value()).isEqualTo(200);
    JsonNode batch = closed.getBody();
    long id = batch.get("id").asLong();
    String name = batch.get("name").asText();
    assertThat(batch.get("status").asText()).isEqualTo("HANDED_OVER");
    assertThat(batch.get("documentCount").asInt()).isEqualTo(2);
    assertThat(batch.get("pdfFileName").asText()).isEqualTo(name + ".pdf");
    assertThat(batch.get("items").findValuesAsText("documentId"))
        .containsExactly(String.valueOf(first.id()), String.valueOf(second.id()));
    assertThat(batch.get("items").get(0).get("firstPage").asInt()).isEqualTo(1);
    assertThat(batch.get("items").get(1).get("firstPage").asInt()).isEqualTo(1 + pages(first.content()));
    assertThat(batch.get("items").get(1).get("recipient").get("city").asText()).isEqualTo("Göteborg");
    assertThat(outboxFiles()).containsExactly(name + ".json", name + ".pdf");

    JsonNode list = api.get().uri("/api/print-batches").retrieve().body(JsonNode.class);
    assertThat(list.get(0).get("id").asLong()).as("newest first").isEqualTo(id);
    assertThat(list.get(0).get("pageCount").asInt()).isEqualTo(pages(first.content()) + pages(second.content()));
    assertThat(list.get(0).get("href").asText()).isEqualTo("/api/print-batches/" + id);

    JsonNode one = api.get().uri(list.get(0).get("href").asText()).retrieve().body(JsonNode.class);
    assertThat(one.get("name").asText()).isEqualTo(name);
    assertThat(one.get("closedAt").asText()).isEqualTo(batch.get("closedAt").asText());
    assertThat(one.get("items")).hasSize(2);
    assertThat(one.get("items").get(0).get("recipient").get("attention").asText()).isEqualTo("Ekonomiavdelningen");

    assertThat(api.post().uri("/api/print-batches/close").retrieve().toBodilessEntity().getStatusCode().value())
        .as("closed already").isEqualTo(204);
  }

  @Test
  void anUnknownBatchIsA404Problem() {
    ResponseEntity<JsonNode> missing = api.get().uri("/api/print-batches/987654321").retrieve()
        .onStatus(s -> true, (req, res) -> { }).toEntity(JsonNode.class);
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    assertThat(missing.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(missing.getBody().get("detail").asText()).contains("987654321");
  }

  @Test
  void printBatchesNeedAuthentication() {
    int status = RestClient.create("http://localhost:" + port).get().uri("/api/print-batches").retrieve()
        .onStatus(s -> true, (req, res) -> { }).toBodilessEntity().getStatusCode().value();
    assertThat(status).isEqualTo(401);
  }
}
