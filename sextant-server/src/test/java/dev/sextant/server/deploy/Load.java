package dev.sextant.server.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A client sending requests one after another until closed, counting the answers that failed. */
final class Load implements AutoCloseable {
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final Thread thread;

  private Load(URI target) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    thread =
        new Thread(
            () -> {
              while (running.get()) {
                try {
                  HttpResponse<Void> answer =
                      http.send(
                          HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5)).build(),
                          HttpResponse.BodyHandlers.discarding());
                  if (answer.statusCode() != 200) {
                    errors.incrementAndGet();
                  }
                } catch (java.io.IOException e) {
                  errors.incrementAndGet();
                } catch (InterruptedException e) {
                  return;
                }
                sent.incrementAndGet();
              }
            },
            "load");
    thread.setDaemon(true);
  }

  static Load on(URI target) {
    Load load = new Load(target);
    load.thread.start();
    return load;
  }

  long errors() {
    return errors.get();
  }

  long sent() {
    return sent.get();
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(10_000);
  }
}
