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
import io.fordra.invoice.file.InvoiceInbox;
import io.fordra.kernel.Capped;
import io.fordra.payment.file.PaymentInbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;

/**
 * Finding 9 of issue 13 (unbounded answers and odd files): what Fordra says back about bad input stays small
 * (at most {@value Capped#ENTRIES} problems and the count of all, echoed values cut at {@value Capped#VALUE_CHARS}
 * characters), inbox folders leave alone what is not a regular file, and a long file name still gets its report.
 */
@FordraTestContext
class BoundedAnswersTest extends ProcessTestSupport {

  static final String INVOICES = FordraTestContext.INVOICES_INBOX;
  static final String PAYMENTS = FordraTestContext.PAYMENTS_INBOX;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SMALL = 64 * 1024;
  private static final String HEADER = "invoiceNumber,customerNumber,issueDate,dueDate,currency,description,quantity,"
      + "unitPrice,vatRate";

  @Autowired InvoiceInbox invoiceInbox;
  @Autowired PaymentInbox paymentInbox;
  @Autowired CustomerService customers;
  private String run;

  @BeforeEach
  void emptyInboxes() {
    run = UUID.randomUUID().toString().substring(0, 6);
    FileSystemUtils.deleteRecursively(Path.of(INVOICES).toFile());
    FileSystemUtils.deleteRecursively(Path.of(PAYMENTS).toFile());
  }

  @Test
  void aHeaderOfAMillionColumnsIsRefusedInAFewKilobytes() throws IOException {
    StringBuilder header = new StringBuilder(HEADER);
    for (int i = 0; i < 1_000_000; i++) {
      header.append(",c").append(i);
    }
    header.append("\nF1,C1,2026-03-02,2026-04-01,SEK,x,1,1,25\n");
    assertSmallRefusal(upload("/api/invoice-files", "wide.csv", header.toString().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aFiftyMegabyteHeaderLineIsRefusedInAFewKilobytes() throws IOException {
    byte[] file = (HEADER + "," + "x".repeat(50 * 1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
    assertSmallRefusal(upload("/api/invoice-files", "long.csv", file));
  }

  @Test
  void hundredsOfUnknownColumnsAreNamedTenAtATime() throws IOException {
    StringBuilder header = new StringBuilder(HEADER);
    for (int i = 0; i < 300; i++) {
      header.append(",").append(i).append("x".repeat(150));   // 45 000 characters of unknown names
    }
    JsonNode problem = assertSmallRefusal(upload("/api/invoice-files", "unknown.csv", (header + "\n")
        .getBytes(StandardCharsets.UTF_8)));
    String reason = problem.get("errors").get(0).get("reason").asText();
    assertThat(reason).startsWith("unknown columns 0" + "x".repeat(99) + "…, 1" + "x".repeat(99) + "…, ")
        .contains(" and 290 more; the columns are invoiceNumber, ");
  }

  @Test
  void aRequestBreakingAThousandRulesGetsTheFirst200AndTheCount() throws IOException {
    CustomerRequest customer = customer(CustomerType.PRIVATE, Country.SE, false, false);
    customers.create(customer);
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      lines.add(Map.of("description", "Hyra", "quantity", 0, "unitPrice", "100.00", "vatRate", 25));
    }
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("customerNumber", customer.customerNumber());
    invoice.put("issueDate", "2026-03-02");
    invoice.put("dueDate", "2026-04-01");
    invoice.put("currency", "SEK");
    invoice.put("lines", lines);
    JsonNode problem = assertSmallRefusal(call(HttpMethod.POST, "/api/invoices", invoice));
    assertThat(problem.get("errorCount").asInt()).isEqualTo(1000);
    assertThat(problem.get("errors")).hasSize(201);
    assertThat(problem.get("errors").get(199).get("field").asText()).isEqualTo("lines[199].quantity");
    assertThat(problem.get("errors").get(200).toString()).isEqualTo("{\"field\":\"…\",\"message\":\"and 800 more\"}");
    assertThat(problem.get("detail").asText()).startsWith("1000 problems: lines[0].quantity: is zero; ")
        .endsWith("… and 990 more");
  }

  @Test
  void aBankFileWithAThousandBadLinesGetsTheFirst200AndTheCount_overRestAndInTheInbox() throws IOException {
    byte[] file = ("01BGMAX               0120250317163035010331P" + " ".repeat(35) + "\n"
        + "2\n".repeat(1000)).getBytes(StandardCharsets.ISO_8859_1);
    JsonNode problem = assertSmallRefusal(upload("/api/payment-files", "bad-" + run + ".txt", file));
    assertThat(problem.get("errorCount").asInt()).isGreaterThan(1000);
    assertThat(problem.get("errors")).hasSize(201);

    Files.createDirectories(Path.of(PAYMENTS));
    Files.write(Path.of(PAYMENTS, "bad-" + run + ".txt"), file);
    assertThat(paymentInbox.poll()).containsExactly("bad-" + run + ".txt: rejected (" + problem.get("errorCount")
        + " problems)");
    List<String> written = Files.readAllLines(Path.of(PAYMENTS, "rejected", "bad-" + run + ".txt.problems.txt"));
    assertThat(written).hasSize(201);
    assertThat(written.get(200)).isEqualTo("…: and " + (problem.get("errorCount").asInt() - 200) + " more");
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void symbolicLinksFoldersAndFifosInEitherInboxAreLeftAlone() throws Exception {
    Path secret = Files.writeString(Path.of("target", "secret-" + run + ".txt"),
        "root:x:0:0:the first line of a file outside the inbox\n");
    check(Path.of(INVOICES), secret, () -> invoiceInbox.poll());
    check(Path.of(PAYMENTS), secret, () -> paymentInbox.poll());
  }

  private void check(Path inbox, Path secret, Supplier<List<String>> poll) throws Exception {
    Files.createDirectories(inbox);
    Path link = Files.createSymbolicLink(inbox.resolve("link-" + run + ".csv"), secret.toAbsolutePath());
    Path folder = Files.createDirectory(inbox.resolve("folder-" + run + ".csv"));
    Path fifo = inbox.resolve("fifo-" + run + ".csv");
    boolean fifoMade = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;

    assertThat(poll.get()).as("nothing imported").isEmpty();
    assertThat(poll.get()).as("and nothing the second time").isEmpty();

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)).isTrue();
    if (fifoMade) {
      assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
    try (Stream<Path> all = Files.walk(inbox)) {
      List<Path> moved = all.filter(p -> !p.getParent().equals(inbox) && !p.equals(inbox)).toList();
      assertThat(moved).as("nothing moved, nothing written").allMatch(Files::isDirectory);
    }
  }

  @Test
  void aFileNameTooLongForItsReportStillFinishesItsImportWithAShortenedReportName() throws IOException {
    CustomerRequest customer = customer(CustomerType.PRIVATE, Country.SE, false, false);
    customers.create(customer);
    String name = "faktura-" + "å".repeat(60) + "-" + "b".repeat(111) + "-" + run + ".csv";   // 251 bytes in UTF-8
    assertThat(name.getBytes(StandardCharsets.UTF_8).length).isEqualTo(251);
    Path inbox = Files.createDirectories(Path.of(INVOICES));
    Files.writeString(inbox.resolve(name), HEADER + "\nL-" + run + "," + customer.customerNumber()
        + ",2026-03-02,2026-04-01,SEK,Hyra,1,100,25\n");
    String broken = "z".repeat(240) + "-" + run + ".csv";
    Files.writeString(inbox.resolve(broken), "Kom ihåg att fakturera mars\n");

    assertThat(invoiceInbox.poll()).hasSize(2).anySatisfy(o -> assertThat(o).startsWith(name + ": invoice file "))
        .contains(broken + ": rejected (8 problems)");
    executeDueJobs();

    assertThat(invoices.find("L-" + run)).isPresent();
    List<Path> reports;
    try (Stream<Path> processed = Files.list(inbox.resolve("processed"))) {
      reports = processed.filter(p -> p.getFileName().toString().endsWith(".report.txt")).toList();
    }
    assertThat(reports).singleElement().satisfies(report -> {
      String reportName = report.getFileName().toString();
      assertThat(reportName.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
      assertThat(reportName).startsWith("faktura-åå");
      assertThat(Files.readString(report)).contains("Status DONE: 1 rows, 1 invoices; created 1");
    });
    try (Stream<Path> rejected = Files.list(inbox.resolve("rejected"))) {
      assertThat(rejected.map(p -> p.getFileName().toString())).hasSize(2).contains(broken)
          .anySatisfy(p -> assertThat(p).startsWith("zzz").endsWith(".problems.txt"));
    }
  }

  /** 400 problem+json under 64 KB that says how many problems there were. */
  private static JsonNode assertSmallRefusal(ResponseEntity<String> reply) throws IOException {
    assertThat(reply.getStatusCode().value()).isEqualTo(400);
    assertThat(reply.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(reply.getBody().length()).as("the body's size").isLessThan(SMALL);
    JsonNode problem = JSON.readTree(reply.getBody());
    assertThat(problem.get("errorCount").asInt()).isPositive();
    assertThat(problem.get("errors").size()).isLessThanOrEqualTo(Math.min(problem.get("errorCount").asInt(), 200)
        + (problem.get("errorCount").asInt() > 200 ? 1 : 0));
    return problem;
  }
}
