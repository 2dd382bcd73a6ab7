package io.fordra.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Targets Fordra refuses to call (SSRF), and the back-off; without the application. */
class WebhookTargetsTest {

  private final WebhookTargets strict = new WebhookTargets(false);

  @Test
  void loopbackPrivateLinkLocalAndReservedAddressesAreRefused() {
    for (String url : new String[] {"http://127.0.0.1/hook", "http://localhost:8080/hook", "https://10.1.2.3/",
        "https://172.16.0.1/", "https://192.168.1.10/", "http://169.254.169.254/latest/meta-data", "http://[::1]/",
        "http://[fd00::1]/", "http://[fe80::1]/", "http://0.0.0.0/", "http://100.64.0.1/", "http://[::ffff:10.0.0.1]/",
        "http://224.0.0.1/", "http://255.255.255.255/"}) {
      assertThat(strict.problem(url)).as(url).get().asString().contains("loopback, private or link-local");
    }
  }

  @Test
  void publicAddressesPass_andTheFlagAllowsPrivateOnes() {
    assertThat(strict.problem("https://93.184.215.14/hooks/fordra")).isEmpty();
    assertThat(strict.problem("http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/")).isEmpty();
    assertThat(new WebhookTargets(true).problem("http://127.0.0.1:18480/hook")).isEmpty();
    assertThat(new WebhookTargets(true).problem("http://u:p@127.0.0.1/hook")).isPresent();
  }

  @Test
  void aHostThatDoesNotResolveIsRefused() {
    assertThat(strict.problem("https://no-such-host.invalid/hook")).get().asString()
        .isEqualTo("host no-such-host.invalid does not resolve");
  }

  @Test
  void backOffGrowsExponentiallyUpToItsCap() {
    WebhookProperties p = new WebhookProperties(false, Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), 2, Duration.ofMinutes(10), 20, Duration.ofMinutes(2), 500);
    assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.backoff(5)).isEqualTo(Duration.ofSeconds(480));
    assertThat(p.backoff(6)).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.backoff(400)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void theSignatureIsHmacSha256OfTimestampDotBody() {
    // echo -n '1733328000.{"id":1}' | openssl dgst -sha256 -hmac 'whsec_test'
    assertThat(WebhookSignature.sign("whsec_test", 1733328000L, "{\"id\":1}".getBytes()))
        .isEqualTo("v1=49f99ff71f048d727c478eaf226e5a8d5bc8e3462fe6ba5ec8fa7c985ab9d207");
  }
}
