package io.fordra.distribution.efaktura;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.springframework.stereotype.Component;

/**
 * The eFaktura issuer service over HTTP (SOAP 1.1: POST of the envelope, Content-Type text/xml, SOAPAction of the
 * operation; see EFakturaMessages for the specification). Any failure to get an answer (no connection, timeout, HTTP
 * error without a SOAP fault, an answer that is not XML) is an {@link EFakturaUnavailableException}: the sending job
 * is retried and after its last retry Camunda raises an incident. Nothing here keeps state between calls.
 */
@Component
class EFakturaClient {

  /** A call the service answered: its SOAP fault (null when it succeeded) and its body. */
  record Answer(int status, byte[] body, EFakturaMessages.Fault fault) {}

  private final EFakturaProperties properties;
  private final HttpClient http;

  EFakturaClient(EFakturaProperties properties) {
    this.properties = properties;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(properties.connectTimeout());
    if (properties.keyStore() != null && !properties.keyStore().isBlank()) {
      builder.sslContext(clientCertificate(properties));
    }
    this.http = builder.build();
  }

  /** getEfakturaIdentifiers for the persons (fødselsnumre), as this issuer. */
  List<EFakturaMessages.RegisterAnswer> lookup(String messageIdentifier, String issuerId, List<String> persons) {
    Answer answer = call("getEfakturaIdentifiers", EFakturaMessages.lookup(messageIdentifier, issuerId, persons));
    if (answer.fault() != null) {
      throw new EFakturaUnavailableException("the eFaktura register refused the lookup: "
          + describe(answer.fault()));
    }
    try {
      return EFakturaMessages.registerAnswers(answer.body());
    } catch (IllegalArgumentException e) {
      throw new EFakturaUnavailableException("the eFaktura register's answer is not readable: " + e.getMessage());
    }
  }

  /** addInvoices: the answer as it came (a fault is for the caller to judge: 209 means it was taken before). */
  Answer addInvoices(EFakturaMessages.Issue issue) {
    return call("addInvoices", EFakturaMessages.addInvoices(issue));
  }

  static String describe(EFakturaMessages.Fault fault) {
    return (fault.code() == null ? "" : fault.code() + " ") + fault.text();
  }

  private Answer call(String operation, byte[] envelope) {
    if (!properties.configured()) {
      throw new EFakturaUnavailableException("fordra.efaktura.base-url is not set: eFaktura cannot be issued");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.baseUrl()))
        .timeout(properties.readTimeout())
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", "\"" + EFakturaMessages.NS + operation + "\"")
        .POST(HttpRequest.BodyPublishers.ofByteArray(envelope));
    if (properties.username() != null && !properties.username().isBlank()) {
      String password = properties.password() == null ? "" : properties.password();
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (properties.username() + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new EFakturaUnavailableException("the eFaktura service did not answer " + operation + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EFakturaUnavailableException("interrupted while waiting for the eFaktura service");
    }
    EFakturaMessages.Fault fault = EFakturaMessages.fault(response.body());
    if (fault == null && response.statusCode() / 100 != 2) {
      throw new EFakturaUnavailableException("the eFaktura service answered " + operation + " with HTTP "
          + response.statusCode());
    }
    return new Answer(response.statusCode(), response.body(), fault);
  }

  private static SSLContext clientCertificate(EFakturaProperties properties) {
    char[] password = properties.keyStorePassword() == null ? new char[0]
        : properties.keyStorePassword().toCharArray();
    try (InputStream in = Files.newInputStream(Path.of(properties.keyStore()))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException("fordra.efaktura.key-store " + properties.keyStore()
          + " cannot be read as a PKCS#12 client certificate: " + e.getMessage(), e);
    }
  }
}
