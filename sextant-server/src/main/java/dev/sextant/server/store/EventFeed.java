package dev.sextant.server.store;

import java.time.Duration;

/**
 * Wakes those who wait for new events (a live stream of the outbox) when a unit of work that
 * appended events commits in this process. Events that other servers commit are found by the
 * waiters' own reads, when their wait times out.
 */
public final class EventFeed {
  private long last;

  synchronized void committed(long sequence) {
    if (sequence > last) {
      last = sequence;
      notifyAll();
    }
  }

  /**
   * Waits until an event after {@code sequence} has been committed here, or the timeout passes.
   *
   * @return whether one was
   */
  public synchronized boolean awaitAfter(long sequence, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (last <= sequence) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
