package io.fordra.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An ERP's webhook endpoint on 127.0.0.1 (an ephemeral port), as the JDK's HTTP server: it keeps every request it got
 * and answers 204, or 503 while it is "down" for the request (all of them, or those the predicate picks).
 */
final class WebhookReceiver implements AutoCloseable {

  record Received(Map<String, String> headers, String body) {

    String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private volatile Predicate<String> down = body -> false;

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hooks/erp", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      boolean refuse = down.test(body);
      if (!refuse) {
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        synchronized (received) {
          received.add(new Received(headers, body));
        }
      }
      byte[] answer = (refuse ? "Service unavailable: maintenance " + "x".repeat(400) : "")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(refuse ? 503 : 204, answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        exchange.getResponseBody().write(answer);
      }
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/erp";
  }

  void down(Predicate<String> refuse) {
    this.down = refuse;
  }

  void up() {
    this.down = body -> false;
  }

  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
