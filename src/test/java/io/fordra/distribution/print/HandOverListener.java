package io.fordra.distribution.print;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.event.EventListener;

/**
 * Stands in for the part of Fordra that marks handed-over letters sent (@Import it): it can be told to fail, or to
 * keep the closing transaction (and so the batch's lock) open until the test releases it.
 */
class HandOverListener {

  volatile boolean failing;
  private final AtomicBoolean holdNext = new AtomicBoolean();
  private volatile CountDownLatch entered = new CountDownLatch(0);
  private volatile CountDownLatch release = new CountDownLatch(0);

  /** The next close waits in this listener; returns a latch that opens once it does. */
  CountDownLatch holdNextClose() {
    entered = new CountDownLatch(1);
    release = new CountDownLatch(1);
    holdNext.set(true);
    return entered;
  }

  void releaseClose() {
    release.countDown();
  }

  @EventListener
  void on(PrintBatchHandedOver event) throws InterruptedException {
    if (holdNext.compareAndSet(true, false)) {
      entered.countDown();
      if (!release.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the close of " + event.name());
      }
    }
    if (failing) {
      throw new IllegalStateException("marking the letters of " + event.name() + " sent failed");
    }
  }
}
