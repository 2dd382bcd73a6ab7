package io.fordra.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.distribution.print.PrintBatch;
import io.fordra.distribution.print.PrintBatchService;
import io.fordra.distribution.print.PrintBatchStatus;
import io.fordra.distribution.print.PrintItem;
import io.fordra.document.DocumentService;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** POST /api/invoices/{n}/send: a person sends a document again, at most three times in all (seed 003). */
@FordraTestContext
class SendAgainTest extends ProcessTestSupport {

  @LocalServerPort int port;
  @Autowired PrintBatchService printBatches;
  @Autowired DocumentService documents;

  @Test
  void theSameDocumentGoesOutAtMostThreeTimes() throws Exception {
    RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth("admin", "admin")).build();
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();

    ResponseEntity<JsonNode> second = send(api, invoice, "{}");
    assertThat(second.getStatusCode().value()).isEqualTo(202);
    assertThat(second.getBody().get("attempt").asInt()).isEqualTo(2);
    executeDueJobs();
    assertThat(mail(invoice, "invoice.1.a2")).as("a new message, not a retry of the first")
        .contains("Message-ID: <" + invoice.invoiceNumber() + ".invoice.1.a2@fordra.exempelbolaget.se>");
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.SENT);

    assertThat(send(api, invoice, "{\"channel\":\"EMAIL\"}").getBody().get("attempt").asInt()).isEqualTo(3);
    executeDueJobs();
    ResponseEntity<JsonNode> fourth = send(api, invoice, "{}");
    assertThat(fourth.getStatusCode().value()).isEqualTo(409);
    assertThat(fourth.getBody().get("detail").asText()).contains("already sent 3 times").contains("at most 3");
    executeDueJobs();
    assertThat(mail(invoice, "invoice.1.a4")).isNull();
    assertThat(invoices.events(reload(invoice))).filteredOn(e -> e.type() == InvoiceEventType.SEND_REFUSED)
        .extracting(InvoiceEvent::message).singleElement().asString().contains("at most 3");
    assertThat(invoices.events(reload(invoice))).filteredOn(e -> e.type() == InvoiceEventType.SENT).hasSize(3);

    assertThat(send(api, invoice, "{\"channel\":\"PRINT\"}").getStatusCode().value())
        .as("any channel counts towards the three").isEqualTo(409);
    ResponseEntity<JsonNode> debit = send(api, invoice, "{\"channel\":\"DIRECT_DEBIT\"}");
    assertThat(debit.getStatusCode().value()).isEqualTo(400);
    assertThat(debit.getBody().get("errors").findValuesAsText("field")).containsExactly("channel");
    assertThat(send(api, invoice, "{\"channel\":\"PIGEON\"}").getStatusCode().value()).isEqualTo(400);
  }

  /**
   * Issue 15: "Send again" by PRINT while the first print still waits, and then the e-mail's bounce, put one letter
   * twice into one batch. It waits there once; asking again is 409 with the reason and stores nothing.
   */
  @Test
  void aLetterWaitingInTheOpenPrintBatchIsNotAddedTwice() {
    RestClient api = api();
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    ResponseEntity<JsonNode> printed = send(api, invoice, "{\"channel\":\"PRINT\"}");
    assertThat(printed.getStatusCode().value()).isEqualTo(202);
    long documentId = printed.getBody().get("documentId").asLong();
    executeDueJobs();
    int eventsBefore = invoices.events(reload(invoice)).size();

    ResponseEntity<JsonNode> again = send(api, invoice, "{\"channel\":\"PRINT\"}");
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(again.getBody().get("detail").asText())
        .contains(printed.getBody().get("fileName").asText() + " is already waiting in print batch print-batch-");
    executeDueJobs();
    assertThat(invoices.events(reload(invoice))).as("a refused request stores nothing").hasSize(eventsBefore);

    // The first e-mail bounces: the reserve channel (print) has the letter already.
    ResponseEntity<JsonNode> bounce = api.post().uri("/api/invoices/{n}/bounces", invoice.invoiceNumber())
        .contentType(MediaType.APPLICATION_JSON).body("{\"channel\":\"EMAIL\",\"reason\":\"mailbox full\"}")
        .retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(JsonNode.class);
    assertThat(bounce.getStatusCode().value()).isEqualTo(202);
    assertThat(bounce.getBody().get("rerouted").asBoolean()).isFalse();
    assertThat(bounce.getBody().get("message").asText()).contains("already waiting in print batch");
    executeDueJobs();

    PrintBatch open = printBatches.batches().stream().filter(b -> b.status() == PrintBatchStatus.OPEN).findFirst()
        .orElseThrow();
    assertThat(printBatches.batch(open.id()).items()).filteredOn(item -> item.documentId() == documentId)
        .extracting(PrintItem::attempt).as("once in the open batch").containsExactly(2);
    assertThat(documents.get(documentId).sendAttempts()).as("the three count deliveries, not requests").isEqualTo(2);
  }

  /**
   * Issue 15, item 3, the race left open: a second "Send again" while the first one is still queued (its job has not
   * run, so the letter is in no batch yet) was 202 and counted a delivery that never came. It is 409 with the reason;
   * the three count deliveries, and a bounce meanwhile sends nothing more either.
   */
  @Test
  void aSecondRequestWhileTheFirstIsStillQueuedIsRefused() {
    RestClient api = api();
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    ResponseEntity<JsonNode> first = send(api, invoice, "{\"channel\":\"PRINT\"}");
    assertThat(first.getStatusCode().value()).isEqualTo(202);
    long documentId = first.getBody().get("documentId").asLong();

    ResponseEntity<JsonNode> second = send(api, invoice, "{\"channel\":\"PRINT\"}");
    assertThat(second.getStatusCode().value()).isEqualTo(409);
    assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(second.getBody().get("detail").asText())
        .contains(first.getBody().get("fileName").asText() + " is already on its way (sending 2 of 3")
        .contains("it is not sent again while it waits");
    assertThat(send(api, invoice, "{}").getStatusCode().value()).as("on any channel").isEqualTo(409);
    ResponseEntity<JsonNode> bounce = api.post().uri("/api/invoices/{n}/bounces", invoice.invoiceNumber())
        .contentType(MediaType.APPLICATION_JSON).body("{\"channel\":\"EMAIL\",\"reason\":\"mailbox full\"}")
        .retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(JsonNode.class);
    assertThat(bounce.getStatusCode().value()).isEqualTo(202);
    assertThat(bounce.getBody().get("rerouted").asBoolean()).isFalse();
    assertThat(bounce.getBody().get("message").asText()).contains("is already on its way");
    assertThat(documents.get(documentId).sendAttempts()).as("requests refused count nothing").isEqualTo(2);
    executeDueJobs();

    PrintBatch open = printBatches.batches().stream().filter(b -> b.status() == PrintBatchStatus.OPEN).findFirst()
        .orElseThrow();
    assertThat(printBatches.batch(open.id()).items()).filteredOn(item -> item.documentId() == documentId)
        .extracting(PrintItem::attempt).containsExactly(2);
    assertThat(invoices.events(reload(invoice))).as("one request queued, the refused ones stored nothing")
        .filteredOn(e -> e.type() == InvoiceEventType.QUEUED).extracting(InvoiceEvent::message)
        .filteredOn(m -> m.contains("sent again")).hasSize(1);
    assertThat(documents.get(documentId).sendAttempts()).isEqualTo(2);
  }

  /**
   * Found by the README walk: a letter e-mailed and then sent again by post; the e-mail's bounce arrives after the
   * post has gone. The bounce was refused (409: "no document was sent by EMAIL") because only the letter's last
   * delivery was known. It is recorded against the delivery it is about; nothing more is sent, the post came after it.
   */
  @Test
  void aLateBounceOfAnEarlierDeliveryIsRecordedAndNothingMoreIsSent() {
    RestClient api = api();
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    String emailedTo = documents.forInvoice(reload(invoice)).get(0).sentTo();
    ResponseEntity<JsonNode> printed = send(api, invoice, "{\"channel\":\"PRINT\"}");
    long documentId = printed.getBody().get("documentId").asLong();
    executeDueJobs();
    printBatches.closeOpenBatch();
    assertThat(documents.get(documentId).sentChannel()).isEqualTo("PRINT");

    ResponseEntity<JsonNode> bounce = api.post().uri("/api/invoices/{n}/bounces", invoice.invoiceNumber())
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"channel\":\"EMAIL\",\"recipient\":\"" + emailedTo + "\",\"reason\":\"550 mailbox unavailable\"}")
        .retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(JsonNode.class);
    assertThat(bounce.getStatusCode().value()).isEqualTo(202);
    assertThat(bounce.getBody().get("documentId").asLong()).isEqualTo(documentId);
    assertThat(bounce.getBody().get("rerouted").asBoolean()).isFalse();
    assertThat(bounce.getBody().get("message").asText()).contains("sent again by PRINT");
    executeDueJobs();
    assertThat(invoices.events(reload(invoice))).filteredOn(e -> e.type() == InvoiceEventType.DISTRIBUTION_BOUNCED)
        .extracting(InvoiceEvent::message).singleElement().asString().contains("550 mailbox unavailable");
    assertThat(documents.get(documentId).sendAttempts()).as("nothing more sent").isEqualTo(2);

    ResponseEntity<JsonNode> unknown = api.post().uri("/api/invoices/{n}/bounces", invoice.invoiceNumber())
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"channel\":\"EMAIL\",\"recipient\":\"someone.else@example.se\",\"reason\":\"550\"}")
        .retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(JsonNode.class);
    assertThat(unknown.getStatusCode().value()).as("never sent to that address").isEqualTo(409);
  }

  private static ResponseEntity<JsonNode> send(RestClient api, Invoice invoice, String body) {
    return api.post().uri("/api/invoices/{n}/send", invoice.invoiceNumber()).contentType(MediaType.APPLICATION_JSON)
        .body(body).retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(JsonNode.class);
  }
}
