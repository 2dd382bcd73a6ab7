package io.fordra.distribution.efaktura;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The eFaktura client against a local stub of the issuer service (port 18460): the SOAP messages field by field, the
 * register's yes / no / stopped answers, and a service that answers 500 or not at all.
 */
class EFakturaClientTest {

  static final String ACCEPTS = "01019010046";
  static final String STOPPED = "15058510170";
  static final String UNKNOWN = "31129910065";

  private EFakturaStub stub;
  private EFakturaClient client;

  @BeforeEach
  void start() throws Exception {
    stub = new EFakturaStub(18460);
    stub.accepted.add(ACCEPTS);
    stub.blocked.add(STOPPED);
    client = new EFakturaClient(new EFakturaProperties(stub.url(), "974760673", "fordra", "s3cret", null, null,
        Duration.ofSeconds(2), Duration.ofMillis(500), "-"));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void theRegisterIsAskedByFodselsnummerAndAnswersPerPerson() {
    List<EFakturaMessages.RegisterAnswer> answers = client.lookup("fordra-lookup-1", "974760673",
        List.of(ACCEPTS, STOPPED, UNKNOWN));

    assertThat(answers).containsExactly(
        new EFakturaMessages.RegisterAnswer(ACCEPTS, RecipientStatus.ACCEPTED, EFakturaStub.identifierOf(ACCEPTS)),
        new EFakturaMessages.RegisterAnswer(STOPPED, RecipientStatus.BLOCKED, null));
    EFakturaStub.Request request = stub.requests.get(0);
    assertThat(request.soapAction())
        .isEqualTo("\"https://efaktura-services.nets.no/invoicing-nets-submitter/v1/getEfakturaIdentifiers\"");
    assertThat(request.contentType()).isEqualTo("text/xml; charset=utf-8");
    assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
        "fordra:s3cret".getBytes(StandardCharsets.UTF_8)));
    Element operation = request.operationElement();
    assertThat(operation.getNamespaceURI()).isEqualTo(EFakturaMessages.NS);
    assertThat(operation.getLocalName()).isEqualTo("getEfakturaIdentifiers");
    assertThat(request.text("messageIdentifier")).isEqualTo("fordra-lookup-1");
    assertThat(request.text("issuer")).isEqualTo("974760673");
    assertThat(request.texts("socialSecurityNumber")).containsExactly(ACCEPTS, STOPPED, UNKNOWN);
  }

  @Test
  void aPersonWithoutGeneralAcceptanceIsNotRegistered() {
    byte[] answer = ("<Envelope><Body><r><receiver><socialSecurityNumber>" + UNKNOWN + "</socialSecurityNumber>"
        + "<efakturaIdentifier>EF1</efakturaIdentifier><hasAutoAcceptAgreements>false</hasAutoAcceptAgreements>"
        + "</receiver></r></Body></Envelope>").getBytes(StandardCharsets.UTF_8);
    assertThat(EFakturaMessages.registerAnswers(answer)).containsExactly(
        new EFakturaMessages.RegisterAnswer(UNKNOWN, RecipientStatus.NOT_REGISTERED, null));
  }

  @Test
  void theInvoiceIsWrittenFieldByField() {
    byte[] pdf = "%PDF-1.7 letter".getBytes(StandardCharsets.US_ASCII);
    EFakturaClient.Answer answer = client.addInvoices(new EFakturaMessages.Issue("fordra-issue-1", "00000000042",
        "F-1001", "EF0101906", null, "974760673", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1),
        new BigDecimal("1250.5"), "NOK", "0000010010", "15035010186", "Kari Nordmann", "F-1001.invoice.pdf", pdf));

    assertThat(answer.fault()).isNull();
    EFakturaStub.Request request = stub.of("addInvoices").get(0);
    assertThat(request.soapAction())
        .isEqualTo("\"https://efaktura-services.nets.no/invoicing-nets-submitter/v1/addInvoices\"");
    assertThat(request.operationElement().getLocalName()).isEqualTo("addInvoices");
    assertThat(request.text("messageIdentifier")).isEqualTo("fordra-issue-1");
    assertThat(request.text("consignmentId")).isEqualTo("00000000042");
    assertThat(request.texts("invoice")).hasSize(1);
    assertThat(request.text("invoiceNumber")).isEqualTo("F-1001");
    assertThat(request.text("efakturaIdentifier")).isEqualTo("EF0101906");
    assertThat(request.text("socialSecurityNumber")).as("one addressing choice only").isNull();
    assertThat(request.text("issuer")).isEqualTo("974760673");
    assertThat(request.text("documentType")).isEqualTo("INVOICE");
    assertThat(request.text("issueDate")).isEqualTo("2026-03-02");
    assertThat(request.text("dueDate")).isEqualTo("2026-04-01");
    assertThat(request.text("amount")).isEqualTo("1250.50");
    assertThat(request.text("currency")).isEqualTo("NOK");
    assertThat(request.text("kid")).isEqualTo("0000010010");
    assertThat(request.text("accountNumber")).isEqualTo("15035010186");
    assertThat(request.text("receiverName")).isEqualTo("Kari Nordmann");
    assertThat(request.text("fileName")).isEqualTo("F-1001.invoice.pdf");
    assertThat(request.text("mimeType")).isEqualTo("application/pdf");
    assertThat(Base64.getDecoder().decode(request.text("content"))).isEqualTo(pdf);
    assertThat(new String(request.body(), StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"");
  }

  @Test
  void theSameConsignmentTwiceIsRefusedWith209() {
    EFakturaMessages.Issue issue = new EFakturaMessages.Issue("fordra-issue-2", "00000000043", "F-1002", "EF1", null,
        "974760673", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1), new BigDecimal("10.00"), "NOK", "0000010028",
        "15035010186", "Kari Nordmann", "F-1002.pdf", null);
    assertThat(client.addInvoices(issue).fault()).isNull();
    EFakturaClient.Answer again = client.addInvoices(issue);
    assertThat(again.fault().code()).isEqualTo(EFakturaMessages.DUPLICATE_CONSIGNMENT);
    assertThat(again.fault().text()).contains("Duplicate consignmentId");
    assertThat(stub.of("addInvoices").get(0).text("attachment")).as("no PDF, no attachment").isNull();
  }

  @Test
  void aServiceAnswering500OrNotAtAllIsUnavailable() {
    stub.lookupMode = EFakturaStub.Mode.HTTP_500;
    assertThatThrownBy(() -> client.lookup("fordra-lookup-2", "974760673", List.of(ACCEPTS)))
        .isInstanceOf(EFakturaUnavailableException.class).hasMessageContaining("HTTP 500");

    stub.lookupMode = EFakturaStub.Mode.HOLD;
    assertThatThrownBy(() -> client.lookup("fordra-lookup-3", "974760673", List.of(ACCEPTS)))
        .isInstanceOf(EFakturaUnavailableException.class).hasMessageContaining("did not answer");
  }

  @Test
  void withoutABaseUrlNothingIsSent() {
    EFakturaClient unset = new EFakturaClient(new EFakturaProperties(null, null, null, null, null, null, null, null,
        null));
    assertThatThrownBy(() -> unset.lookup("fordra-lookup-4", "974760673", List.of(ACCEPTS)))
        .isInstanceOf(EFakturaUnavailableException.class).hasMessageContaining("fordra.efaktura.base-url");
    assertThat(stub.requests).isEmpty();
  }
}
