package dev.sextant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiProblem;
import dev.sextant.api.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Clients that write at once, one thread each, each round new content, until they are stopped or
 * their server is gone. A write counts only when the server confirmed it with a 2xx answer: a
 * request that fails on the way (the server was killed) confirms nothing, whatever became of it.
 */
final class Burst implements AutoCloseable {
  private final ApiClient api;
  private final ExecutorService clients;
  private final Queue<Confirmed> confirmed = new ConcurrentLinkedQueue<>();
  private final Queue<String> refused = new ConcurrentLinkedQueue<>();
  private volatile boolean stopped;

  /** Notified at each confirmed write, for {@link #awaitConfirmed}. */
  private final Object progress = new Object();

  private Burst(ApiClient api, int clients) {
    this.api = api;
    this.clients = Executors.newFixedThreadPool(clients);
  }

  /** Starts one client per writer, writing rounds {@code firstRound}, {@code firstRound + 1}, … */
  static Burst start(ApiClient api, List<Writer> writers, long firstRound) {
    Burst burst = new Burst(api, writers.size());
    writers.forEach(writer -> burst.clients.execute(() -> burst.run(writer, firstRound)));
    return burst;
  }

  /**
   * Writes one round and returns what the server confirmed.
   *
   * @throws ApiProblem of status 0 (unreachable) when the request failed on the way
   * @throws IllegalStateException when the server answered other than 2xx; the message says how
   */
  static Confirmed write(ApiClient api, Writer writer, long round) {
    ApiResponse answer = writer.write(api, round);
    if (answer.status() / 100 != 2) {
      throw new IllegalStateException(
          writer.subject() + " round " + round + ": " + answer.status() + " " + answer.body());
    }
    JsonNode outcome = writer.outcome(answer.json());
    return new Confirmed(
        writer.subject(), outcome.get("revision").asLong(), outcome.get("digest").asText());
  }

  private void run(Writer writer, long firstRound) {
    for (long round = firstRound; !stopped; round++) {
      try {
        confirmed.add(write(api, writer, round));
        synchronized (progress) {
          progress.notifyAll();
        }
      } catch (IllegalStateException e) {
        refused.add(e.getMessage());
      } catch (ApiProblem e) {
        return; // no answer: the server is gone, this write and every later one are unconfirmed
      }
    }
  }

  /**
   * Waits until {@code count} writes are confirmed, woken by each confirmation, or until {@code
   * timeout} has passed; returns how long it waited.
   */
  Duration awaitConfirmed(int count, Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    synchronized (progress) {
      for (long left = timeout.toNanos();
          confirmed.size() < count && left > 0;
          left = deadline - System.nanoTime()) {
        TimeUnit.NANOSECONDS.timedWait(progress, left);
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** The writes answered with something other than 2xx: subject, round, status and body. */
  List<String> refused() {
    return List.copyOf(refused);
  }

  /**
   * Waits until every client has stopped (its server gone, or {@link #close()}) and returns what
   * was confirmed.
   *
   * @throws IllegalStateException when a client is still writing after {@code timeout}
   */
  List<Confirmed> awaitEnd(Duration timeout) throws InterruptedException {
    clients.shutdown();
    if (!clients.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the clients still write after " + timeout);
    }
    return List.copyOf(confirmed);
  }

  @Override
  public void close() {
    stopped = true;
    clients.shutdownNow();
  }
}
