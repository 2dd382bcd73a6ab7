package io.fordra.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * How fast a file import goes and how long it has left, from what it has done since the file was received.
 *
 * @param rate                 items per second so far (2 decimals); null before the first chunk is counted
 * @param estimatedSecondsLeft the work left at that rate, rounded up; null when the import is not running or no rate
 *                             is known yet
 */
public record ImportProgress(BigDecimal rate, Long estimatedSecondsLeft) {

  public static final ImportProgress UNKNOWN = new ImportProgress(null, null);

  /**
   * @param done      items handled so far
   * @param left      items still to handle
   * @param since     when the file was received
   * @param lastChunk when the last chunk was counted (null: none yet)
   * @param running   whether the import still runs (a finished one has no time left)
   */
  public static ImportProgress of(long done, long left, Instant since, Instant lastChunk, boolean running) {
    if (done <= 0 || since == null || lastChunk == null) {
      return UNKNOWN;
    }
    // At least a millisecond: a small file may be done in the instant it was received.
    long millis = Math.max(1, Duration.between(since, lastChunk).toMillis());
    BigDecimal perSecond = BigDecimal.valueOf(done).multiply(BigDecimal.valueOf(1000))
        .divide(BigDecimal.valueOf(millis), 2, RoundingMode.HALF_UP);
    if (!running) {
      return new ImportProgress(perSecond, null);
    }
    long secondsLeft = BigDecimal.valueOf(Math.max(0, left)).multiply(BigDecimal.valueOf(millis))
        .divide(BigDecimal.valueOf(done).multiply(BigDecimal.valueOf(1000)), 0, RoundingMode.CEILING).longValueExact();
    return new ImportProgress(perSecond, secondsLeft);
  }
}
