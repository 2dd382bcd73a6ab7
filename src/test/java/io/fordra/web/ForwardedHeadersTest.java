package io.fordra.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.portal.PortalUserRequest;
import io.fordra.portal.PortalUsers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Behind a TLS proxy (issue 13, finding 13): X-Forwarded-Proto from a trusted proxy (loopback by default) makes every
 * cookie Secure; without it, or from an address that is not a trusted proxy, it does not.
 */
@FordraTestContext
class ForwardedHeadersTest extends ProcessTestSupport {

  private static final String PASSWORD = "ett långt lösenord";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired CustomerService customers;
  @Autowired PortalUsers portalUsers;
  @Autowired ServletWebServerApplicationContext context;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void portalCookiesAreSecureWhenTheTrustedProxySaysHttps() throws Exception {
    List<String> cookies = portalLogin(true);
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("FORDRA_PORTAL=").containsIgnoringCase("; Secure"));
    assertThat(cookies).allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));
  }

  @Test
  void portalCookiesAreNotSecureWithoutTheProxyHeader() throws Exception {
    List<String> cookies = portalLogin(false);
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("FORDRA_PORTAL="));
    assertThat(cookies).noneSatisfy(c -> assertThat(c).containsIgnoringCase("secure"));
  }

  @Test
  void theWebappsCookiesAreSecureWhenTheTrustedProxySaysHttps() throws Exception {
    HttpResponse<String> proxied = send(get("/camunda/app/tasklist/default/").header("X-Forwarded-Proto", "https"));
    List<String> secure = proxied.headers().allValues("Set-Cookie");
    assertThat(secure).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="));
    assertThat(secure).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
    assertThat(secure).allSatisfy(c -> assertThat(c).containsIgnoringCase("secure"));

    HttpResponse<String> direct = send(get("/camunda/app/tasklist/default/"));
    assertThat(direct.headers().allValues("Set-Cookie")).isNotEmpty()
        .noneSatisfy(c -> assertThat(c).containsIgnoringCase("secure"));
  }

  /** Tests run on loopback, so the untrusted proxy is the server's own RemoteIpValve configuration given another address. */
  @Test
  void theProxyHeaderFromAnUntrustedAddressCountsForNothing() throws Exception {
    RemoteIpValve configured = Arrays.stream(((TomcatWebServer) context.getWebServer()).getTomcat().getEngine()
            .getPipeline().getValves()).filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
        .findFirst().orElseThrow(() -> new AssertionError("no RemoteIpValve: server.forward-headers-strategy?"));
    assertThat(configured.getInternalProxies()).isEqualTo("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1");

    assertThat(secureBehind(configured, "127.0.0.1")).isTrue();
    assertThat(secureBehind(configured, "0:0:0:0:0:0:0:1")).isTrue();
    assertThat(secureBehind(configured, "203.0.113.7")).isFalse();
    assertThat(secureBehind(configured, "10.0.0.8")).isFalse();
    assertThat(secureBehind(configured, "127.0.0.10")).isFalse();
  }

  /** Whether a request from the address with X-Forwarded-Proto: https is secure behind a copy of the valve. */
  private static boolean secureBehind(RemoteIpValve configured, String remoteAddress) throws Exception {
    RemoteIpValve valve = new RemoteIpValve();
    valve.setInternalProxies(configured.getInternalProxies());
    valve.setTrustedProxies(configured.getTrustedProxies());
    valve.setProtocolHeader(configured.getProtocolHeader());
    valve.setRemoteIpHeader(configured.getRemoteIpHeader());
    AtomicBoolean secure = new AtomicBoolean();
    Valve capture = new ValveBase() {
      @Override
      public void invoke(Request request, Response response) {
        secure.set(request.isSecure());
      }
    };
    valve.setNext(capture);
    Request request = new Request(new Connector());
    org.apache.coyote.Request coyote = new org.apache.coyote.Request();
    request.setCoyoteRequest(coyote);
    coyote.scheme().setString("http");
    coyote.getMimeHeaders().addValue("X-Forwarded-Proto").setString("https");
    request.setRemoteAddr(remoteAddress);
    valve.invoke(request, new Response());
    return secure.get();
  }

  /** Logs a new portal user in (directly or through the "proxy"); every Set-Cookie of the login page and the login. */
  private List<String> portalLogin(boolean proxied) throws Exception {
    CustomerRequest customer = customer(CustomerType.BUSINESS, Country.SE, false, true);
    customers.create(customer);
    String username = "proxy." + UUID.randomUUID().toString().substring(0, 8);
    portalUsers.create(customer.customerNumber(), new PortalUserRequest(username, "Per Proxy", null, PASSWORD, true,
        false, "sv"), "test");

    HttpResponse<String> page = send(proxy(get("/portal/login"), proxied));
    List<String> pageCookies = page.headers().allValues("Set-Cookie");
    String loginCookie = pageCookies.stream().filter(c -> c.startsWith("FORDRA_PORTAL_LOGIN="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).isTrue();
    String form = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf.group(1));
    HttpResponse<String> login = send(proxy(HttpRequest.newBuilder(uri("/portal/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", loginCookie)
        .POST(HttpRequest.BodyPublishers.ofString(form)), proxied));
    assertThat(login.statusCode()).isBetween(300, 399);
    return java.util.stream.Stream.concat(pageCookies.stream(), login.headers().allValues("Set-Cookie").stream())
        .toList();
  }

  private HttpRequest.Builder proxy(HttpRequest.Builder request, boolean proxied) {
    return proxied ? request.header("X-Forwarded-Proto", "https") : request;
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
