package dev.sextant.cli.command;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's load generator: two clients sending requests without a pause until closed, counting
 * what they sent and the answers that were not 200 (a refused connection counts as an error too).
 */
final class DemoLoad implements AutoCloseable {
  private static final int CLIENTS = 2;

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final Thread[] threads = new Thread[CLIENTS];

  private DemoLoad(URI target) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5)).build();
    for (int i = 0; i < CLIENTS; i++) {
      threads[i] =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    int status =
                        http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 200) {
                      errors.incrementAndGet();
                    }
                  } catch (IOException e) {
                    errors.incrementAndGet();
                  } catch (InterruptedException e) {
                    return;
                  }
                  requests.incrementAndGet();
                }
              },
              "demo-load-" + i);
      threads[i].setDaemon(true);
    }
  }

  static DemoLoad on(URI target) {
    DemoLoad load = new DemoLoad(target);
    for (Thread thread : load.threads) {
      thread.start();
    }
    return load;
  }

  /** What was sent and failed since the start. */
  Window window() {
    return new Window(requests.get(), errors.get());
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join(10_000);
    }
  }

  /** Requests and errors counted over some time. */
  record Window(long requests, long errors) {
    /** What this window counted beyond an earlier one. */
    Window since(Window earlier) {
      return new Window(requests - earlier.requests, errors - earlier.errors);
    }

    double errorPercent() {
      return requests == 0 ? 0 : 100.0 * errors / requests;
    }
  }
}
