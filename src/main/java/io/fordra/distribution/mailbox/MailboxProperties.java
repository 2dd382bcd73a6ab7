package io.fordra.distribution.mailbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * fordra.mailbox.*: the Kivra sender API (Swedish digital mailbox) that the DIGITAL_MAILBOX channel delivers to.
 *
 * @param baseUrl        the API's root (https://sender.api.kivra.com; sandbox https://sender.sandbox-api.kivra.com)
 * @param tokenUrl       the OAuth2 token endpoint (client credentials); empty = base-url + /v1/auth
 * @param clientId       the API client id Kivra gives the sender
 * @param clientSecret   its secret
 * @param tenantKey      the sender's tenant key (the {tenantKey} in every path)
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer; a timeout fails the job, which is retried
 */
@ConfigurationProperties("fordra.mailbox")
public record MailboxProperties(String baseUrl, String tokenUrl, String clientId, String clientSecret,
                                String tenantKey, Duration connectTimeout, Duration requestTimeout) {

  public MailboxProperties {
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://sender.api.kivra.com" : strip(baseUrl);
    tokenUrl = tokenUrl == null || tokenUrl.isBlank() ? baseUrl + "/v1/auth" : tokenUrl;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
  }

  /** Whether the sender's credentials and tenant key are set. */
  public boolean configured() {
    return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank()
        && tenantKey != null && !tenantKey.isBlank();
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
