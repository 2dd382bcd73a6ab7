package io.fordra.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client for the portal's pages, as a browser without JavaScript would use them. */
class PortalBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;
  private String lastPage = "";

  PortalBrowser(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  HttpResponse<String> get(String path) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET()
        .header("Accept-Language", "sv-SE,sv;q=0.9,en;q=0.5").build(), HttpResponse.BodyHandlers.ofString());
    lastPage = response.body();
    return response;
  }

  HttpResponse<byte[]> getBytes(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Posts the form with the CSRF token of the last page fetched. */
  HttpResponse<String> post(String path, Map<String, String> fields) {
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    withToken.putIfAbsent("_csrf", csrfToken());
    return postRaw(path, withToken);
  }

  /** Posts exactly these fields (no CSRF token added). */
  HttpResponse<String> postRaw(String path, Map<String, String> fields) {
    String form = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    lastPage = response.body();
    return response;
  }

  String csrfToken() {
    Matcher m = CSRF.matcher(lastPage);
    if (!m.find()) {
      throw new AssertionError("no CSRF token on the last page: " + lastPage);
    }
    return m.group(1);
  }

  /** Logs in through the form; returns the answer to the POST. */
  HttpResponse<String> login(String username, String password) {
    get("/portal/login");
    return post("/portal/login", Map.of("username", username, "password", password));
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
