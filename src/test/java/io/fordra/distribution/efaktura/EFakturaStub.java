package io.fordra.distribution.efaktura;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A local eFaktura issuer service for tests (EfakturaNetsSubmitterService as EFakturaMessages describes it): answers
 * getEfakturaIdentifiers from the persons it is told accept or have stopped this issuer, takes addInvoices once per
 * consignment id (a second time: fault 209) and keeps every request for the test to check field by field. It can be
 * told to answer HTTP 500 or to hold its answer past the client's timeout.
 */
final class EFakturaStub implements AutoCloseable {

  /** A request as received: operation (from SOAPAction), headers of interest and the parsed body. */
  record Request(String operation, String soapAction, String contentType, String authorization, byte[] body,
                 Document xml) {

    String text(String localName) {
      NodeList nodes = xml.getElementsByTagNameNS("*", localName);
      return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    List<String> texts(String localName) {
      NodeList nodes = xml.getElementsByTagNameNS("*", localName);
      java.util.ArrayList<String> values = new java.util.ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        values.add(nodes.item(i).getTextContent());
      }
      return values;
    }

    Element operationElement() {
      Element body = (Element) xml.getElementsByTagNameNS(EFakturaMessages.SOAP_NS, "Body").item(0);
      for (org.w3c.dom.Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e) {
          return e;
        }
      }
      throw new AssertionError("no operation element in the SOAP body");
    }
  }

  enum Mode { NORMAL, HTTP_500, HOLD }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  final Set<String> accepted = ConcurrentHashMap.newKeySet();
  final Set<String> blocked = ConcurrentHashMap.newKeySet();
  final Map<String, String> consignments = new ConcurrentHashMap<>();
  volatile Mode lookupMode = Mode.NORMAL;
  volatile Mode issueMode = Mode.NORMAL;
  private final CountDownLatch release = new CountDownLatch(1);
  private final HttpServer server;

  EFakturaStub(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/invoicing-nets-submitter/v1/";
  }

  /** The eFaktura identifier the stub gives a person who accepts. */
  static String identifierOf(String ssn) {
    return "EF" + ssn.substring(0, 6) + ssn.substring(9);
  }

  List<Request> of(String operation) {
    return requests.stream().filter(r -> r.operation().equals(operation)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String action = exchange.getRequestHeaders().getFirst("SOAPAction");
    String operation = action == null ? "" : action.replace("\"", "").replace(EFakturaMessages.NS, "");
    Document xml = EFakturaMessages.parse(body);
    requests.add(new Request(operation, action, exchange.getRequestHeaders().getFirst("Content-Type"),
        exchange.getRequestHeaders().getFirst("Authorization"), body, xml));
    Mode mode = operation.equals("addInvoices") ? issueMode : lookupMode;
    if (mode == Mode.HTTP_500) {
      answer(exchange, 500, "Internal Server Error".getBytes(StandardCharsets.UTF_8), "text/plain");
      return;
    }
    if (mode == Mode.HOLD) {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    if (operation.equals("getEfakturaIdentifiers")) {
      StringBuilder out = new StringBuilder();
      for (String ssn : new Request(operation, action, null, null, body, xml).texts("socialSecurityNumber")) {
        if (accepted.contains(ssn) || blocked.contains(ssn)) {
          out.append("<receiver><socialSecurityNumber>").append(ssn).append("</socialSecurityNumber>")
              .append("<efakturaIdentifier>").append(identifierOf(ssn)).append("</efakturaIdentifier>")
              .append("<hasAutoAcceptAgreements>true</hasAutoAcceptAgreements>")
              .append("<blockedByReceiver>").append(blocked.contains(ssn)).append("</blockedByReceiver></receiver>");
        }
      }
      answer(exchange, 200, envelope("<ns:getEfakturaIdentifiersResponse xmlns:ns=\"" + EFakturaMessages.NS
          + "\"><efakturaIdentifiers>" + out + "</efakturaIdentifiers></ns:getEfakturaIdentifiersResponse>"),
          "text/xml; charset=utf-8");
    } else if (operation.equals("addInvoices")) {
      String consignment = new Request(operation, action, null, null, body, xml).text("consignmentId");
      if (consignments.putIfAbsent(consignment, consignment) != null) {
        answer(exchange, 500, envelope("<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>209 - "
            + "Duplicate consignmentId</faultstring><detail><validationError><errorCode>209</errorCode>"
            + "</validationError></detail></soapenv:Fault>"), "text/xml; charset=utf-8");
        return;
      }
      answer(exchange, 200, envelope("<ns:addInvoicesResponse xmlns:ns=\"" + EFakturaMessages.NS
          + "\"><auditInformation><messageIdentifier>stub</messageIdentifier></auditInformation>"
          + "</ns:addInvoicesResponse>"), "text/xml; charset=utf-8");
    } else {
      answer(exchange, 404, new byte[0], "text/plain");
    }
  }

  private static byte[] envelope(String body) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"" + EFakturaMessages.SOAP_NS
        + "\"><soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>").getBytes(StandardCharsets.UTF_8);
  }

  private static void answer(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
