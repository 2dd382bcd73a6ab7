package io.fordra.close;

/** Where a month-end close stands. */
public enum MonthEndCloseStatus {
  /** Started; the reconciliation has not finished (a timer-started close waits for the first working day first). */
  RUNNING,
  /** Reconciled: everything agrees. */
  NO_DIFFERENCES,
  /** Reconciled with differences: "Review reconciliation differences" waits for finance. */
  DIFFERENCES,
  /** A person in finance reviewed the differences and decided (ACCEPTED or CORRECTION_NEEDED). */
  REVIEWED,
  /** Finance reopened the closed month for a correction (with a reason): it takes bookings until closed again. */
  REOPENED
}
