package io.fordra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every error under Fordra's paths is RFC 7807 problem+json (issue 13, finding 11), also those that Tomcat answers
 * before Spring sees the request: no HTML page, no stack trace, no echo of what the client sent. Raw HTTP over a
 * socket, because an HTTP client would normalise or refuse the malformed requests.
 */
@FordraTestContext
class ErrorPagesTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theErrorPathCalledDirectlyIsNotFound() throws Exception {
    Raw answer = raw("GET /error HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertProblem(answer, 404);
  }

  @Test
  void anEncodedSlashIsABadRequestAsProblemJson() throws Exception {
    String marker = "x".repeat(2000);
    Raw answer = raw("GET /api/invoices/a%2Fb" + marker + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: " + basic() + "\r\nConnection: close\r\n\r\n");
    assertProblem(answer, 400);
    assertThat(answer.body()).doesNotContain(marker.substring(0, 50)).doesNotContain("%2F");
  }

  /** Issue 15: a 20 000-character path was answered "Paths may not contain encoded slashes", which it did not. */
  @Test
  void anOverlongRequestLineIsRefusedSayingSo() throws Exception {
    String marker = "A".repeat(20_000);
    Raw answer = raw("GET /api/invoices/" + marker + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: " + basic() + "\r\nConnection: close\r\n\r\n");
    assertProblem(answer, 400);
    assertThat(JSON.readTree(answer.body()).path("detail").asText())
        .contains("at most 8 KB").doesNotStartWith("Paths may not contain encoded slashes");
    assertThat(answer.body()).doesNotContain(marker.substring(0, 50));
  }

  @Test
  void aBadRequestLineIsABadRequestAsProblemJson() throws Exception {
    Raw answer = raw("GET /api/invoices/{<script>} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertProblem(answer, 400);
    assertThat(answer.body()).doesNotContain("<script>");
  }

  @Test
  void anUploadOverTheLimitIsPayloadTooLargeAsProblemJson() throws Exception {
    // Declared larger than spring.servlet.multipart.max-request-size (500MB): refused before a byte of it is read.
    Raw answer = raw("POST /api/invoice-files HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic() + "\r\n"
        + "Content-Type: multipart/form-data; boundary=fordra\r\nContent-Length: 600000000\r\n"
        + "Connection: close\r\n\r\n");
    assertProblem(answer, 413);
  }

  /** Found trying the jar: multipart without a boundary was 500 on every JSON door. */
  @Test
  void aMultipartBodyWithoutBoundaryIsABadRequestAsProblemJson() throws Exception {
    for (String request : java.util.List.of("POST /api/customers", "POST /api/invoices",
        "POST /api/month-end-closes/1/reopen")) {
      Raw answer = raw(request + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic() + "\r\n"
          + "Content-Type: multipart/form-data\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
      assertProblem(answer, 400);
    }
  }

  /** Found trying the jar: a merge patch of null was 500; an array or number named the Java class in its answer. */
  @Test
  void aBodyThatIsNoJsonObjectIsABadRequestNamingNoJavaClass() throws Exception {
    String number = reload(createInvoice(customer(io.fordra.customer.CustomerType.PRIVATE,
        io.fordra.customer.Country.SE, false, true), io.fordra.invoice.Currency.SEK)).customerNumber();
    for (String body : java.util.List.of("null", "[]", "42", "\"x\"")) {
      Raw answer = raw("PATCH /api/customers/" + number + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic() + "\r\n"
          + "Content-Type: application/merge-patch+json\r\nContent-Length: " + body.length()
          + "\r\nConnection: close\r\n\r\n" + body);
      assertThat(answer.status()).as(body + ": " + answer).isEqualTo(400);
      assertThat(answer.body()).as(body).contains("must be a JSON object").doesNotContain("io.fordra")
          .doesNotContain("Cannot");
    }
  }

  @Test
  void anUnknownApiPathIsNotFoundAsProblemJson() throws Exception {
    Raw answer = raw("GET /api/no-such-thing HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic() + "\r\n"
        + "Accept: text/html\r\nConnection: close\r\n\r\n");
    assertProblem(answer, 404);
  }

  /** Issue 15, item 7: PUT /api/customers/{n} was 405 in Spring's error format; a method no path has is problem+json. */
  @Test
  void aMethodThePathDoesNotHaveIsMethodNotAllowedAsProblemJson() throws Exception {
    for (String request : java.util.List.of("PUT /api/invoices/F-1", "DELETE /api/customers/C-1",
        "PATCH /api/invoices")) {
      Raw answer = raw(request + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic() + "\r\n"
          + "Accept: text/html\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
      assertProblem(answer, 405);
      assertThat(answer.header("allow")).as(request).isNotBlank();
    }
  }

  private static void assertProblem(Raw answer, int status) throws Exception {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("content-type")).as(answer.toString()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(answer.body()).doesNotContainIgnoringCase("<html").doesNotContain("Tomcat")
        .doesNotContain("Exception").doesNotContain("trace").doesNotContain("at org.");
    assertThat(answer.body().length()).isLessThan(600);
  }

  private String basic() {
    return "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword()).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends the bytes as they are and reads one answer (to its end, or until the server closes the connection). */
  private Raw raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; !Raw.complete(read.toString(StandardCharsets.UTF_8)) && (n = in.read(buffer)) > 0; ) {
        read.write(buffer, 0, n);
      }
      return Raw.parse(read.toString(StandardCharsets.UTF_8));
    }
  }

  record Raw(int status, String headers, String body) {
    static Raw parse(String text) {
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String body = end < 0 ? "" : text.substring(end + 4);
      if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
        body = unchunk(body);
      }
      return new Raw(Integer.parseInt(head.split(" ")[1]), head, body);
    }

    /** Whether the text holds a whole answer: its headers and the body they announce. */
    static boolean complete(String text) {
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        return false;
      }
      Raw head = new Raw(0, text.substring(0, end), "");
      String length = head.header("content-length");
      if (!length.isEmpty()) {
        return text.getBytes(StandardCharsets.UTF_8).length - end - 4 >= Integer.parseInt(length);
      }
      return !head.header("transfer-encoding").equalsIgnoreCase("chunked") || text.endsWith("0\r\n\r\n");
    }

    String header(String name) {
      for (String line : headers.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return "";
    }

    private static String unchunk(String chunked) {
      StringBuilder body = new StringBuilder();
      int at = 0;
      while (at < chunked.length()) {
        int lineEnd = chunked.indexOf("\r\n", at);
        int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
        if (size == 0) {
          break;
        }
        body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
      }
      return body.toString();
    }
  }
}
