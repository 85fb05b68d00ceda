package dev.sextant.server.analysis;

import dev.sextant.server.deploy.SampleJar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sample service run from its jar on a free port, with a client sending it requests one after
 * another for as long as it runs, so its counters and histogram move between scrapes.
 */
final class SampleProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final AtomicBoolean loading = new AtomicBoolean(true);
  private final Thread load;

  private SampleProcess(Process process, int port) {
    this.process = process;
    this.port = port;
    this.load = new Thread(this::load, "load-" + port);
    load.setDaemon(true);
    load.start();
  }

  /** Starts the sample service with {@code flags} and waits for the line that gives its port. */
  static SampleProcess start(String version, String... flags) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(SampleJar.built().path().toString());
    command.add("--port=0");
    command.add("--version=" + version);
    command.addAll(List.of(flags));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      // Blocks until the line is there; if the service fails, it exits and this reads the end.
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("listening on ")) {
          return new SampleProcess(process, Integer.parseInt(line.substring(13).trim()));
        }
      }
      throw new IllegalStateException("the sample service exited: " + command);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  String hostPort() {
    return "127.0.0.1:" + port;
  }

  private void load() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + hostPort() + "/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    while (loading.get()) {
      try {
        http.send(request, HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        // A failed request is load too; the service's counters say what it answered.
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    loading.set(false);
    load.join(10_000);
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
