package io.fordra.invoice.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.ProcessTestSupport;
import io.fordra.article.ArticleRequest;
import io.fordra.article.ArticleService;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.customer.Country;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceLine;
import io.fordra.invoice.InvoiceToCash;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Billing files (CSV) through POST /api/invoice-files, the inbox and the invoice-file-import process: a file mixing
 * good and bad invoices with the exact report, spreadsheet exports (';', decimal comma, BOM, Windows-1252), quoted
 * fields, the same file twice, all-or-nothing. Run on H2 and on PostgreSQL.
 */
abstract class InvoiceFileImportScenario extends ProcessTestSupport {

  static final String CHUNK = "fordra.invoices.import-chunk=2";
  static final String INBOX = "fordra.invoices.inbox=target/invoices-inbox-test";
  static final String NO_POLLING = "fordra.invoices.inbox-cron=-";

  @Autowired ArticleService articles;
  @Autowired CustomerService customers;
  @Autowired InvoiceInbox inbox;
  @Autowired InvoiceFileService service;
  @Autowired JdbcClient jdbc;
  RestClient api;
  /** Makes this test's numbers unique in the shared database. */
  String run;

  @BeforeEach
  void client() {
    api = api();
    run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  }

  @Test
  void aFileMixingGoodAndBadInvoicesCreatesTheGoodOnesAndReportsEachBadOneWithItsLinesAndReasons() {
    articles.create(new ArticleRequest("KONS-" + run, Map.of("sv", "Konsulttimme", "en", "Consulting hour"), "tim",
        new BigDecimal("950.00"), new BigDecimal("25"), null));
    articles.create(new ArticleRequest("BOK-" + run, Map.of("sv", "Handbok"), "st", new BigDecimal("200.00"),
        new BigDecimal("6"), "3043"));
    CustomerRequest existing = customer(CustomerType.BUSINESS, Country.SE, false, false);
    customers.create(existing);
    Invoice earlier = createInvoice(existing, Currency.SEK);
    String c = existing.customerNumber();
    String n1 = "N1-" + run;
    String n2 = "N2-" + run;
    String csv = String.join("\n",
        "invoiceNumber,customerNumber,name,type,country,organisationNumber,email,street,postalCode,city,issueDate,"
            + "dueDate,currency,articleNumber,description,quantity,unitPrice,vatRate,orderReference",
        // 2-3: a new customer, created by its first row; an article line and a free line with a quoted comma
        f("1") + "," + n1 + ",Nya Kunden AB,BUSINESS,SE,556036-0793,ekonomi@nyakunden.example,Kungsgatan 2,411 19,Göteborg,"
            + "2026-03-02,2026-04-01,SEK,KONS-" + run + ",,10,,,PO-9",
        f("1") + "," + n1 + ",,,,,,,,,,,,,\"Resa, Stockholm–Göteborg\",1,1200.00,25,",
        // 4 (and 5): the register's customer with another street (a warning); a description over two lines
        f("2") + "," + c + ",,,,,,Nygatan 5,,,2026-03-02,2026-04-01,SEK,,\"Licens\nperiod 2026-03\",2,500.00,25,",
        // 6: a VAT rate Sweden does not have
        f("3") + "," + c + ",,,,,,,,,2026-03-02,2026-04-01,SEK,,Frakt,1,100.00,7,",
        // 7: an article the register does not have
        f("4") + "," + c + ",,,,,,,,,2026-03-02,2026-04-01,SEK,NOPE-" + run + ",,1,,,",
        // 8: no due date
        f("5") + "," + c + ",,,,,,,,,2026-03-02,,SEK,,Service,1,300.00,25,",
        // 9: an invoice number Fordra already has
        earlier.invoiceNumber() + "," + c + ",,,,,,,,,2026-03-02,2026-04-01,SEK,,Service,1,300.00,25,",
        // 10: a customer the register does not know, without its details
        f("6") + "," + n2 + ",,,,,,,,,2026-03-02,2026-04-01,SEK,,Service,1,300.00,25,",
        // 11-12: the customer created on line 2; decimal comma; the book article on its own account
        f("7") + "," + n1 + ",,,,,,,,,2026-03-02,2026-04-01,SEK,KONS-" + run + ",,\"2,5\",,,",
        f("7") + "," + n1 + ",,,,,,,,,,,,BOK-" + run + ",,3,,6,",
        "");

    ResponseEntity<JsonNode> received = upload("billing-2026-02.csv", csv.getBytes(StandardCharsets.UTF_8), null);
    assertThat(received.getStatusCode().value()).isEqualTo(202);
    JsonNode summary = received.getBody();
    long id = summary.get("id").asLong();
    assertThat(received.getHeaders().getLocation()).hasToString("/api/invoice-files/" + id);
    assertThat(summary.get("status").asText()).isEqualTo("IMPORTING");
    assertThat(summary.get("rows").asInt()).isEqualTo(10);
    assertThat(summary.get("invoices").asInt()).isEqualTo(8);
    assertThat(summary.get("encoding").asText()).isEqualTo("UTF-8");
    assertThat(summary.get("separator").asText()).isEqualTo(",");
    assertThat(summary.get("receivedBy").asText()).isEqualTo("admin");

    ProcessInstance importing = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(InvoiceFileImport.businessKey(id)).singleResult();
    assertThat(importing).isWaitingAt(InvoiceFileImport.Elements.CREATE_CHUNK);
    // Chunks of two invoices (fordra.invoices.import-chunk), each its own job: the progress shows in between.
    management.executeJob(management.createJobQuery().processInstanceId(importing.getId()).singleResult().getId());
    JsonNode progress = get("/api/invoice-files/" + id);
    assertThat(progress.get("processed").asInt()).isEqualTo(2);
    assertThat(progress.get("created").asInt()).isEqualTo(2);
    assertThat(importing).isWaitingAt(InvoiceFileImport.Elements.CREATE_CHUNK);
    executeDueJobs();
    assertThat(importing).hasPassed(InvoiceFileImport.Elements.REPORT).isEnded();

    summary = get("/api/invoice-files/" + id);
    assertThat(summary.get("status").asText()).isEqualTo("DONE");
    assertThat(summary.get("processed").asInt()).isEqualTo(8);
    assertThat(summary.get("created").asInt()).isEqualTo(3);
    assertThat(summary.get("rejected").asInt()).isEqualTo(4);
    assertThat(summary.get("duplicates").asInt()).isEqualTo(1);
    assertThat(summary.get("withWarnings").asInt()).isEqualTo(1);
    // 13 375.00 + 1 250.00 + (2 375.00 + 593.75) + (600.00 + 36.00)
    assertThat(summary.get("createdTotals").get("SEK").decimalValue()).isEqualByComparingTo("18229.75");
    assertThat(summary.get("finishedAt").isNull()).isFalse();

    String sweden = "(allowed: [25, 12, 6, 0])";
    assertThat(report(summary.get("problems"))).containsExactly(
        f("2") + " CREATED line 4 [line 4, street: the file has 'Nygatan 5', the register has 'Storgatan 1' for "
            + "customer " + c + "; the register is kept]",
        f("3") + " REJECTED line 6 [line 6, vatRate: 7 % is not a VAT rate in SE " + sweden + "]",
        f("4") + " REJECTED line 7 [line 7, articleNumber: article NOPE-" + run + " is not in the article register]",
        f("5") + " REJECTED line 8 [line 8, dueDate: is required]",
        earlier.invoiceNumber() + " DUPLICATE line 9 [line 9, invoiceNumber: invoice " + earlier.invoiceNumber()
            + " already exists (customer " + c + ", issued 2026-03-02, 1250.00 SEK); nothing is created twice]",
        f("6") + " REJECTED line 10 [line 10, customerNumber: customer " + n2 + " is not in the register, and no row "
            + "of the file gives its details (name, type, country and an e-mail or address)]");

    // The new customer, from line 2.
    var created = customers.get(n1);
    assertThat(created.name()).isEqualTo("Nya Kunden AB");
    assertThat(created.type()).isEqualTo(CustomerType.BUSINESS);
    assertThat(created.address().street()).isEqualTo("Kungsgatan 2");
    assertThat(created.address().city()).isEqualTo("Göteborg");
    assertThat(created.email()).isEqualTo("ekonomi@nyakunden.example");
    // The register's customer is not changed by the file.
    assertThat(customers.get(c).address().street()).isEqualTo("Storgatan 1");

    Invoice first = invoices.get(f("1"));
    assertThat(first.totalAmount()).isEqualByComparingTo("13375.00");
    assertThat(first.customerNumber()).isEqualTo(n1);
    List<InvoiceLine> firstLines = invoices.lines(first);
    assertThat(firstLines).extracting(InvoiceLine::description)
        .containsExactly("Konsulttimme", "Resa, Stockholm–Göteborg");
    assertThat(firstLines.get(0).unitPrice()).isEqualByComparingTo("950.00");
    assertThat(firstLines.get(0).vatRate()).isEqualByComparingTo("25");
    assertThat(firstLines.get(0).articleNumber()).isEqualTo("KONS-" + run);
    assertThat(firstLines.get(0).orderReference()).isEqualTo("PO-9");
    assertThat(invoices.lines(invoices.get(f("2")))).extracting(InvoiceLine::description)
        .containsExactly("Licens\nperiod 2026-03");
    Invoice seventh = invoices.get(f("7"));
    assertThat(seventh.totalAmount()).isEqualByComparingTo("3604.75");
    assertThat(invoices.lines(seventh)).extracting(l -> l.quantity().stripTrailingZeros().toPlainString() + " "
        + l.description() + " " + l.revenueAccount()).containsExactly("2.5 Konsulttimme 3001", "3 Handbok 3043");
    assertThat(invoices.events(seventh).get(0).message())
        .endsWith("(from invoice file " + id + " (billing-2026-02.csv), lines 11-12)");
    // Each created invoice follows its own invoice-to-cash; nothing exists of the rejected ones.
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceToCash.KEY)
        .processInstanceBusinessKey(f("7")).count()).isOne();
    for (String rejected : List.of("3", "4", "5", "6")) {
      assertThat(invoices.find(f(rejected))).isEmpty();
    }
    assertThat(customers.exists(n2)).isFalse();
    // Paged: every invoice of the file, in file order, with its outcome.
    JsonNode page = get("/api/invoice-files/" + id + "/invoices?limit=3");
    assertThat(page).extracting(o -> o.get("outcome").asText()).containsExactly("CREATED", "CREATED", "REJECTED");
    JsonNode next = get("/api/invoice-files/" + id + "/invoices?limit=3&after=" + page.get(2).get("firstLine").asInt());
    assertThat(next).extracting(o -> o.get("invoiceNumber").asText())
        .containsExactly(f("4"), f("5"), earlier.invoiceNumber());
    assertThat(get("/api/invoice-files/" + id + "/invoices?outcome=REJECTED")).hasSize(4);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_invoice_file_row WHERE file_id = ?").param(id)
        .query(Integer.class).single()).as("staged rows go when the import is done").isZero();

    // The same file again: the first summary, nothing created twice.
    ResponseEntity<JsonNode> again = upload("billing-2026-02 (1).csv", csv.getBytes(StandardCharsets.UTF_8), null);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().get("id").asLong()).isEqualTo(id);
    assertThat(again.getBody().get("sameFileAgain").asBoolean()).isTrue();
    assertThat(executeDueJobs()).as("no import started").isZero();
    // Saved again from the spreadsheet (other bytes, same invoices): every created invoice is now a duplicate.
    long resaved = upload("billing-2026-02-v2.csv", (csv + "\n").replace("\n", "\r\n")
        .getBytes(StandardCharsets.UTF_8), null).getBody().get("id").asLong();
    executeDueJobs();
    JsonNode second = get("/api/invoice-files/" + resaved);
    assertThat(second.get("created").asInt()).isZero();
    assertThat(second.get("duplicates").asInt()).isEqualTo(4);
    assertThat(second.get("rejected").asInt()).isEqualTo(4);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceToCash.KEY)
        .processInstanceBusinessKey(f("1")).count()).isOne();
  }

  @Test
  void aNordicSpreadsheetExport_semicolonsDecimalCommaBomAndWindows1252_isReadAsTheSpreadsheetShowedIt() {
    String csv = String.join("\r\n",
        "Fakturanummer;invoiceNumber;customerNumber;name;type;country;street;postalCode;city;issueDate;dueDate;"
            + "currency;description;quantity;unitPrice;vatRate",
        "x;" + f("N1") + ";A-" + run + ";Åsa Öberg;private;se;Ängsvägen 3;123 45;Malmö;2026-03-02;2026-04-01;SEK;"
            + "\"Städning; storstädning\";1,5;\"1 250,50\";25 %",
        ";;;;;;;;;;;;;;;",
        "");
    // "Fakturanummer" is not a column: the file is refused whole, nothing stored.
    ResponseEntity<JsonNode> refused = upload("export.csv", bom(csv), null);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("errors").get(0).get("reason").asText())
        .startsWith("unknown column Fakturanummer; the columns are invoiceNumber, customerNumber");
    assertThat(invoices.find(f("N1"))).isEmpty();

    String fixed = csv.replace("Fakturanummer;", "").replace("x;", "").replace(";;;;;;;;;;;;;;;", ";;;;;;;;;;;;;;");
    ResponseEntity<JsonNode> received = upload("export.csv", bom(fixed), null);
    assertThat(received.getStatusCode().value()).isEqualTo(202);
    assertThat(received.getBody().get("separator").asText()).isEqualTo(";");
    assertThat(received.getBody().get("rows").asInt()).as("the row of empty cells is no row").isEqualTo(1);
    executeDueJobs();
    Invoice invoice = invoices.get(f("N1"));
    // 1.5 × 1 250.50 = 1 875.75 + 25 % = 2 344.69 (rounded half up per line)
    assertThat(invoice.totalAmount()).isEqualByComparingTo("2344.69");
    assertThat(invoices.lines(invoice).get(0).description()).isEqualTo("Städning; storstädning");
    assertThat(customers.get("A-" + run).name()).isEqualTo("Åsa Öberg");

    // Saved by a spreadsheet in Windows-1252 rather than UTF-8: the letters still come out right.
    String ansi = fixed.replace(f("N1"), f("N2")).replace("A-" + run, "B-" + run);
    ResponseEntity<JsonNode> cp1252 = upload("export-ansi.csv", ansi.getBytes(Charset.forName("windows-1252")), null);
    assertThat(cp1252.getBody().get("encoding").asText()).isEqualTo("windows-1252");
    executeDueJobs();
    assertThat(customers.get("B-" + run).address().city()).isEqualTo("Malmö");
    assertThat(invoices.lines(invoices.get(f("N2"))).get(0).description()).isEqualTo("Städning; storstädning");
  }

  /**
   * The summary read between chunks only moves forward, gives a rate and the time left while importing; a chunk run
   * a second time (as a job whose lock expired runs again on another node) counts nothing twice.
   */
  @Test
  void progressOnlyMovesForward_withARateAndTheTimeLeft_aChunkRunAgainCountsNothing() {
    String header = "invoiceNumber;customerNumber;name;type;country;email;issueDate;dueDate;currency;description;"
        + "quantity;unitPrice;vatRate";
    List<String> lines = new ArrayList<>(List.of(header));
    for (int i = 1; i <= 6; i++) {
      lines.add(f("P" + i) + ";P-" + run + ";Petra Ek;PRIVATE;SE;petra@example.se;2026-03-02;2026-04-01;SEK;"
          + "Abonnemang;1;100,00;25");
    }
    long id = upload("progress.csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8), null).getBody()
        .get("id").asLong();
    JsonNode received = get("/api/invoice-files/" + id);
    assertThat(received.get("rate").isNull()).as("no rate before the first chunk").isTrue();
    assertThat(received.get("estimatedSecondsLeft").isNull()).isTrue();
    ProcessInstance importing = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(InvoiceFileImport.businessKey(id)).singleResult();

    // The first chunk (two invoices) two seconds after the file came: one invoice a second, four seconds left.
    at(LocalDate.of(2026, 3, 2), LocalTime.of(9, 0, 2));
    management.executeJob(management.createJobQuery().processInstanceId(importing.getId()).singleResult().getId());
    JsonNode first = get("/api/invoice-files/" + id);
    assertThat(first.get("processed").asInt()).isEqualTo(2);
    assertThat(first.get("rate").decimalValue()).isEqualByComparingTo("1.00");
    assertThat(first.get("estimatedSecondsLeft").asLong()).isEqualTo(4);

    // The same chunk again: its place in the file is taken, nothing is created or counted twice.
    assertThat(service.processChunk(id, 0, true)).as("the first line of its last invoice").isEqualTo(3);
    JsonNode again = get("/api/invoice-files/" + id);
    assertThat(again.get("processed").asInt()).isEqualTo(2);
    assertThat(again.get("created").asInt()).isEqualTo(2);

    List<Integer> seen = new ArrayList<>(List.of(first.get("processed").asInt(), again.get("processed").asInt()));
    at(LocalDate.of(2026, 3, 2), LocalTime.of(9, 0, 6));
    while (!management.createJobQuery().processInstanceId(importing.getId()).list().isEmpty()) {
      management.executeJob(management.createJobQuery().processInstanceId(importing.getId()).singleResult().getId());
      seen.add(get("/api/invoice-files/" + id).get("processed").asInt());
    }
    assertThat(seen).isSorted().allSatisfy(processed -> assertThat(processed).isLessThanOrEqualTo(6));
    JsonNode done = get("/api/invoice-files/" + id);
    assertThat(done.get("status").asText()).isEqualTo("DONE");
    assertThat(done.get("processed").asInt()).isEqualTo(6);
    assertThat(done.get("created").asInt()).isEqualTo(6);
    assertThat(done.get("rate").decimalValue()).isEqualByComparingTo("1.00");
    assertThat(done.get("estimatedSecondsLeft").isNull()).as("nothing left once done").isTrue();
  }

  @Test
  void allOrNothing_oneInvalidInvoiceRejectsTheFile_aValidFileIsCreatedWhole() {
    String header = "invoiceNumber;customerNumber;name;type;country;email;issueDate;dueDate;currency;description;"
        + "quantity;unitPrice;vatRate";
    String good = f("A1") + ";G-" + run + ";Gunnar Ek;PRIVATE;SE;gunnar@example.se;2026-03-02;2026-04-01;SEK;"
        + "Abonnemang;1;400,00;25";
    String bad = f("A2") + ";G-" + run + ";;;;;2026-03-02;2026-04-01;SEK;Abonnemang;1;400,00;13";
    ResponseEntity<JsonNode> received = upload("aon.csv", String.join("\n", header, good, bad)
        .getBytes(StandardCharsets.UTF_8), "all-or-nothing");
    long id = received.getBody().get("id").asLong();
    assertThat(received.getBody().get("mode").asText()).isEqualTo("ALL_OR_NOTHING");
    assertThat(received.getBody().get("status").asText()).isEqualTo("CHECKING");
    ProcessInstance importing = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(InvoiceFileImport.businessKey(id)).singleResult();
    executeDueJobs();
    assertThat(importing).hasPassed(InvoiceFileImport.Elements.CHECK_CHUNK, InvoiceFileImport.Elements.REJECT_FILE)
        .hasNotPassed(InvoiceFileImport.Elements.CREATE_CHUNK).isEnded();
    JsonNode summary = get("/api/invoice-files/" + id);
    assertThat(summary.get("status").asText()).isEqualTo("REJECTED");
    assertThat(summary.get("created").asInt()).isZero();
    assertThat(report(summary.get("problems"))).containsExactly(
        f("A1") + " NOT_CREATED line 2 []",
        f("A2") + " REJECTED line 3 [line 3, vatRate: 13 % is not a VAT rate in SE (allowed: [25, 12, 6, 0])]");
    assertThat(invoices.find(f("A1"))).isEmpty();
    assertThat(customers.exists("G-" + run)).isFalse();

    // Corrected: the whole file is checked, then created.
    long fixed = upload("aon-fixed.csv", String.join("\n", header, good, bad.replace(";13", ";12"))
        .getBytes(StandardCharsets.UTF_8), "all-or-nothing").getBody().get("id").asLong();
    ProcessInstance second = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(InvoiceFileImport.businessKey(fixed)).singleResult();
    executeDueJobs();
    assertThat(second).hasPassed(InvoiceFileImport.Elements.CHECK_CHUNK, InvoiceFileImport.Elements.CREATE_CHUNK,
        InvoiceFileImport.Elements.REPORT).hasNotPassed(InvoiceFileImport.Elements.REJECT_FILE).isEnded();
    JsonNode done = get("/api/invoice-files/" + fixed);
    assertThat(done.get("status").asText()).isEqualTo("DONE");
    assertThat(done.get("checked").asInt()).isEqualTo(2);
    assertThat(done.get("created").asInt()).isEqualTo(2);
    assertThat(invoices.get(f("A2")).totalAmount()).isEqualByComparingTo("448.00");
  }

  @Test
  void theInboxImportsADroppedFileAndWritesTheReportBesideIt_aFileThatIsNoInvoiceFileGoesToRejected()
      throws Exception {
    Path dir = Path.of("target/invoices-inbox-test");
    Files.createDirectories(dir);
    String name = "inbox-" + run + ".csv";
    Files.writeString(dir.resolve(name), String.join("\n",
        "invoiceNumber,customerNumber,name,type,country,email,issueDate,dueDate,currency,description,quantity,"
            + "unitPrice,vatRate",
        f("I1") + ",H-" + run + ",Hanna Lund,PRIVATE,SE,hanna@example.se,2026-03-02,2026-04-01,SEK,Hyra,1,8000,25",
        f("I2") + ",H-" + run + ",,,,,2026-03-02,2026-02-01,SEK,Hyra,1,8000,25"));
    Files.writeString(dir.resolve("notes-" + run + ".txt"), "Kom ihåg att fakturera mars\n");
    assertThat(inbox.poll()).hasSize(2).anySatisfy(o -> assertThat(o).startsWith(name + ": invoice file "))
        .anySatisfy(o -> assertThat(o).isEqualTo("notes-" + run + ".txt: rejected (8 problems)"));
    executeDueJobs();
    assertThat(invoices.find(f("I1"))).isPresent();
    Path processed = dir.resolve("processed").resolve(name);
    assertThat(processed).exists();
    String report = Files.readString(dir.resolve("processed").resolve(name + ".report.txt"));
    assertThat(report).contains("Status DONE: 2 rows, 2 invoices; created 1 {SEK=10000.00}, rejected 1, duplicates 0")
        .contains("REJECTED " + f("I2") + " (line 3)\n  line 3, dueDate: is before the issue date 2026-03-02\n");
    assertThat(Files.readString(dir.resolve("rejected").resolve("notes-" + run + ".txt.problems.txt")))
        .contains("line 1: unknown column Kom ihåg att fakturera mars");
  }

  @Test
  void anInvoiceOverdueTheMomentItIsImportedOrDatedInAClosedMonthIsCreatedWithAWarning() {
    // October 2031 is closed; the file comes on 2 December (a month of its own: no other test closes it).
    jdbc.sql("""
        INSERT INTO fordra_month_end_close (period, status, started_by, difference_count, started_at, closed_at)
        VALUES ('2031-10', 'NO_DIFFERENCES', 'test', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").update();
    at(LocalDate.of(2031, 12, 2), LocalTime.of(10, 0));
    String header = "invoiceNumber,customerNumber,name,type,country,email,issueDate,dueDate,currency,description,"
        + "quantity,unitPrice,vatRate";
    String csv = String.join("\n", header,
        f("P1") + ",P-" + run + ",Per Holm,PRIVATE,SE,per@example.se,2031-10-15,2031-11-14,SEK,Oktober,1,800,25",
        f("P2") + ",P-" + run + ",,,,,2031-12-01,2031-12-31,SEK,December,1,800,25",
        "");
    long id = upload("billing-2031-10.csv", csv.getBytes(StandardCharsets.UTF_8), null).getBody().get("id").asLong();
    executeDueJobs();

    JsonNode summary = get("/api/invoice-files/" + id);
    assertThat(summary.get("created").asInt()).as("fordra.import.past-due=warn: created").isEqualTo(2);
    assertThat(summary.get("withWarnings").asInt()).isEqualTo(1);
    assertThat(report(summary.get("problems"))).containsExactly(f("P1") + " CREATED line 2 ["
        + "line 2, dueDate: 2031-11-14 is before today (2031-12-02): the invoice is overdue the moment it is sent, "
        + "line 2, issueDate: 2031-10-15 is in 2031-10, whose month-end close has run]");
    assertThat(invoices.find(f("P1"))).isPresent();
  }

  @Test
  void aFileFordraCannotReadIsRefusedWholeWithEveryProblem() {
    ResponseEntity<JsonNode> empty = upload("empty.csv", new byte[0], null);
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(empty.getBody().get("detail").asText()).isEqualTo("file: is empty");
    ResponseEntity<JsonNode> headerOnly = upload("header.csv", ("invoiceNumber,customerNumber,issueDate,dueDate,"
        + "currency,description,quantity\n").getBytes(StandardCharsets.UTF_8), null);
    assertThat(headerOnly.getBody().get("detail").asText()).isEqualTo("file: has a header row but no invoice lines");
    ResponseEntity<JsonNode> missing = upload("missing.csv", "invoiceNumber,customerNumber,quantity\nX,Y,1\n"
        .getBytes(StandardCharsets.UTF_8), null);
    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat(missing.getBody().get("errors")).extracting(e -> e.get("reason").asText()).containsExactly(
        "the header has no column issueDate", "the header has no column dueDate", "the header has no column currency",
        "the header needs a column description or articleNumber (a line is described by one of them)");
    assertThat(upload("x.csv", "a".getBytes(StandardCharsets.UTF_8), "sometimes").getStatusCode().value())
        .isEqualTo(400);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_invoice_file WHERE file_name IN ('empty.csv', 'header.csv', "
        + "'missing.csv')").query(Integer.class).single()).as("nothing of a refused file is stored").isZero();
  }

  private String f(String suffix) {
    return "F" + run + "-" + suffix;
  }

  private static byte[] bom(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    return withBom;
  }

  /** "number OUTCOME lines a-b [messages]" per invoice. */
  private static List<String> report(JsonNode outcomes) {
    List<String> lines = new ArrayList<>();
    for (JsonNode o : outcomes) {
      int firstLine = o.get("firstLine").asInt();
      int lastLine = o.get("lastLine").asInt();
      lines.add(o.get("invoiceNumber").asText() + " " + o.get("outcome").asText() + " "
          + (firstLine == lastLine ? "line " + firstLine : "lines " + firstLine + "-" + lastLine) + " "
          + StreamSupport.stream(o.get("messages").spliterator(), false).map(JsonNode::asText).toList());
    }
    return lines;
  }

  private ResponseEntity<JsonNode> upload(String name, byte[] content, String mode) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    return api.post().uri(mode == null ? "/api/invoice-files" : "/api/invoice-files?mode=" + mode)
        .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve()
        .onStatus(s -> true, (req, res) -> { }).toEntity(JsonNode.class);
  }

  private JsonNode get(String path) {
    return api.get().uri(path).retrieve().body(JsonNode.class);
  }
}
