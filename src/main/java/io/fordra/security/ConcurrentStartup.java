package io.fordra.security;

import java.util.function.BooleanSupplier;

/** Start-up steps that several nodes sharing one database may run at the same moment. */
final class ConcurrentStartup {

  private ConcurrentStartup() {}

  /**
   * Runs the step unless it is done. Its failure is no failure when the step is done meanwhile (another node did it,
   * e.g. a duplicate key or a changed revision). True if this node did it.
   */
  static boolean ensure(BooleanSupplier done, Runnable step) {
    if (done.getAsBoolean()) {
      return false;
    }
    try {
      step.run();
      return true;
    } catch (RuntimeException e) {
      if (done.getAsBoolean()) {
        return false;
      }
      throw e;
    }
  }
}
