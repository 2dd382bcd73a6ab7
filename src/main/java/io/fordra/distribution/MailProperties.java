package io.fordra.distribution;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** fordra.mail.*: the sender, and the outbox used when no SMTP server (spring.mail.host) is configured. */
@ConfigurationProperties("fordra.mail")
public record MailProperties(String from, String outbox, String messageIdDomain) {}
