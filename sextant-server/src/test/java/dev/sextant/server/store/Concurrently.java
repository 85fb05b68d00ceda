package dev.sextant.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the same work on several threads that start together, and gathers what each returned. A unit
 * of work that ends in a conflict is sent again, as a client would: a conflict stores nothing and
 * says to try again, which on a busy row of a busy machine may happen even after the store's own
 * retries.
 */
final class Concurrently {
  private Concurrently() {}

  /** A unit of work, given its thread's number and its round within that thread. */
  @FunctionalInterface
  interface Work<T> {
    T run(int thread, int round) throws Exception;
  }

  private static <T> T again(Work<T> work, int thread, int round) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.run(thread, round);
      } catch (ConflictException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  static <T> List<T> run(int threads, int rounds, Work<T> work) throws InterruptedException {
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<T>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<List<T>> worker =
            () -> {
              start.await();
              List<T> results = new ArrayList<>();
              for (int round = 0; round < rounds; round++) {
                results.add(again(work, thread, round));
              }
              return results;
            };
        futures.add(pool.submit(worker));
      }
      List<T> results = new ArrayList<>();
      for (Future<List<T>> future : futures) {
        try {
          results.addAll(future.get());
        } catch (ExecutionException e) {
          throw new AssertionError("a concurrent call failed", e.getCause());
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
