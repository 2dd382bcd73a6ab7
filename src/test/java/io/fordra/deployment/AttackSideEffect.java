package io.fordra.deployment;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the attack models of DeploymentGateTest reach for, had they been deployed and run: it counts the calls, as a
 * command run on the server would leave its trace.
 */
public final class AttackSideEffect {

  private static final AtomicInteger HITS = new AtomicInteger();

  private AttackSideEffect() {}

  public static void hit() {
    HITS.incrementAndGet();
  }

  static int hits() {
    return HITS.get();
  }

  static void reset() {
    HITS.set(0);
  }
}
