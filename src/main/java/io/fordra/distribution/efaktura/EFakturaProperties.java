package io.fordra.distribution.efaktura;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * fordra.efaktura.*: the eFaktura issuer service (Mastercard Payment Services, formerly Nets) that Fordra issues
 * Norwegian eFaktura through.
 *
 * @param baseUrl          the service endpoint (EfakturaNetsSubmitterService, SOAP over HTTP); blank = the channel
 *                         is not set up and "Send eFaktura" fails with an incident rather than guessing
 * @param issuerId         the issuer's (utsteder's) organisation number, 9 digits; blank = fordra.seller's
 * @param username         HTTP Basic user where the service (or a test environment) asks for one; blank = none
 * @param password         its password
 * @param keyStore         PKCS#12 file with the issuer's client certificate (virksomhetssertifikat) for mutual TLS;
 *                         blank = the JVM's default
 * @param keyStorePassword its password
 * @param connectTimeout   how long to wait for a connection
 * @param readTimeout      how long to wait for an answer; a timeout is retried like any failure to reach the service
 * @param refreshCron      when the register is asked again about every person Fordra has asked before (consent given
 *                         or stopped in the online bank); "-" switches it off
 */
@ConfigurationProperties("fordra.efaktura")
public record EFakturaProperties(String baseUrl, String issuerId, String username, String password, String keyStore,
                                 String keyStorePassword, Duration connectTimeout, Duration readTimeout,
                                 String refreshCron) {

  public EFakturaProperties {
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    if (issuerId != null && !issuerId.isBlank() && !issuerId.replace(" ", "").matches("\\d{9}")) {
      throw new IllegalArgumentException("fordra.efaktura.issuer-id must be a 9-digit organisation number, got "
          + issuerId);
    }
  }

  public boolean configured() {
    return baseUrl != null && !baseUrl.isBlank();
  }
}
