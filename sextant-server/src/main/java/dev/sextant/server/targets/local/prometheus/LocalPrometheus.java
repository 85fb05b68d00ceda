package dev.sextant.server.targets.local.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.server.targets.local.Leftovers;
import dev.sextant.server.targets.local.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Prometheus of the local target's own, run as a child process on a free loopback port with its
 * storage, configuration, log and target files in one directory. It scrapes every second whatever
 * {@link #targets()} publishes ({@code targets/*.json}, reread every second), so an analysis sees a
 * new instance within seconds. It counts as started once {@code /-/ready} answers 200.
 *
 * <p>Its pid is kept in the directory: a server killed with SIGKILL leaves it running, holding the
 * storage's lock, and the next start on the same directory stops it first.
 */
public final class LocalPrometheus implements AutoCloseable {
  /** How long a start may take: Debian's Prometheus on a small host is ready in about a second. */
  public static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final int ATTEMPTS = 3;

  private final Process process;
  private final URI address;
  private final Path log;
  private final ScrapeTargets targets;

  private LocalPrometheus(Process process, URI address, Path log, ScrapeTargets targets) {
    this.process = process;
    this.address = address;
    this.log = log;
    this.targets = targets;
  }

  /**
   * Starts {@code binary} in {@code directory} and waits until it is ready. Another process may
   * take the free port before Prometheus binds it; a start that fails so is tried again on another.
   *
   * @throws PrometheusException when Prometheus exits or is not ready within {@link
   *     #START_TIMEOUT}, with what it wrote
   */
  public static LocalPrometheus start(Path binary, Path directory) {
    Path config = directory.resolve("prometheus.yml");
    Path targets = directory.resolve("targets");
    Leftovers leftovers = new Leftovers(directory.resolve("prometheus.pid"));
    try {
      Files.createDirectories(targets);
      Files.createDirectories(directory.resolve("data"));
      Files.writeString(config, config(targets), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PrometheusException(
          "cannot prepare Prometheus' directory " + directory + ": " + e.getMessage(), e);
    }
    leftovers.killLeftovers();
    PrometheusException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        LocalPrometheus prometheus = launch(binary, directory, config, new ScrapeTargets(targets));
        leftovers.started(prometheus.pid());
        return prometheus;
      } catch (PortTaken e) {
        last = e.failure;
      }
    }
    throw last;
  }

  /** Where its HTTP API answers, such as {@code http://127.0.0.1:41234}. */
  public URI address() {
    return address;
  }

  /** The instances it scrapes. */
  public ScrapeTargets targets() {
    return targets;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What Prometheus has written to its log so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "(no log at " + log + ": " + e.getMessage() + ")";
    }
  }

  /** The end of its log, where the reason for a failed start is. */
  private String tail() {
    String output = output();
    return output.length() <= 2000 ? output : "…" + output.substring(output.length() - 2000);
  }

  /** Stops Prometheus (SIGTERM, then SIGKILL after a grace period) and waits for it to exit. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The configuration: scrapes and rule evaluation every second (an analysis measures over tens of
   * seconds), one job over the target files. The paths are written as JSON strings, which YAML
   * reads as they are.
   */
  static String config(Path targets) {
    String files;
    try {
      files = new ObjectMapper().writeValueAsString(targets.toAbsolutePath() + "/*.json");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a path is always a JSON string", e);
    }
    return """
        # Written by Sextant at each start; edits are lost.
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: sextant
            file_sd_configs:
              - files: [%s]
                refresh_interval: 1s
        """
        .formatted(files);
  }

  private static LocalPrometheus launch(
      Path binary, Path directory, Path config, ScrapeTargets targets) {
    int port = Ports.freeLoopbackPort();
    Path log = directory.resolve("prometheus.log");
    List<String> command =
        List.of(
            binary.toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + directory.resolve("data"),
            "--storage.tsdb.retention.time=2d",
            "--web.listen-address=127.0.0.1:" + port);
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new PrometheusException("cannot start " + binary + ": " + e.getMessage(), e);
    }
    URI address = URI.create("http://127.0.0.1:" + port);
    LocalPrometheus prometheus = new LocalPrometheus(process, address, log, targets);
    prometheus.awaitReady();
    return prometheus;
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(address.resolve("/-/ready")).timeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        PrometheusException failure =
            new PrometheusException(
                "Prometheus exited with " + process.exitValue() + " at start: " + tail());
        if (output().contains("address already in use")) {
          throw new PortTaken(failure);
        }
        throw failure;
      }
      try {
        HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return;
        }
        last = "HTTP " + answer.statusCode();
      } catch (IOException e) {
        last = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        close();
        Thread.currentThread().interrupt();
        throw new PrometheusException("interrupted while waiting for Prometheus", e);
      }
      pause();
    }
    close();
    throw new PrometheusException(
        "Prometheus at "
            + address
            + " was not ready within "
            + START_TIMEOUT.toSeconds()
            + " s ("
            + last
            + "): "
            + tail());
  }

  private void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new PrometheusException("interrupted while waiting for Prometheus", e);
    }
  }

  /** A start that lost its port to another process: worth another try. */
  private static final class PortTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient PrometheusException failure;

    PortTaken(PrometheusException failure) {
      super(failure.getMessage());
      this.failure = failure;
    }
  }
}
