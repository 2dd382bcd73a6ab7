package io.fordra.dispute;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * fordra.dispute.*: how long a case handler has to answer an objection, and when the e-mail nudges go out
 * (first after nudge-after, then every nudge-every) to nudge-email and to the task's assignee.
 */
@ConfigurationProperties("fordra.dispute")
record DisputeProperties(Period replyDeadline, Period nudgeAfter, Period nudgeEvery, String nudgeEmail) {

  public DisputeProperties {
    replyDeadline = replyDeadline == null ? Period.ofDays(14) : replyDeadline;
    nudgeAfter = nudgeAfter == null ? Period.ofDays(3) : nudgeAfter;
    nudgeEvery = nudgeEvery == null ? Period.ofDays(2) : nudgeEvery;
  }
}
