package dev.sextant.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The service as a real process of its own, started with this JVM's java on the test classpath. */
final class SampleProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          // plain HTTP/1.1: no h2c upgrade for the JDK's server to ignore
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final Process process;
  private final BufferedReader stdout;
  private final CompletableFuture<String> stderr;
  final int port;

  private SampleProcess(Process process, BufferedReader stdout, int port) {
    this.process = process;
    this.stdout = stdout;
    this.port = port;
    this.stderr = readAll(process);
  }

  /** Starts the service on a free port and waits for its "listening on PORT" line. */
  static SampleProcess start(String... flags) throws IOException {
    List<String> command = new ArrayList<>(javaCommand());
    command.add("--port");
    command.add("0");
    command.addAll(List.of(flags));
    Process process = new ProcessBuilder(command).start();
    var stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = stdout.readLine();
    if (first == null || !first.matches("listening on \\d+")) {
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      process.destroyForcibly();
      throw new IllegalStateException("the service did not start: " + first + " / " + err);
    }
    return new SampleProcess(process, stdout, Integer.parseInt(first.substring(13)));
  }

  /** Runs the service to its end with these flags (for flags it refuses). */
  static Ended run(String... flags) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(javaCommand());
    command.addAll(List.of(flags));
    Process process = new ProcessBuilder(command).start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the service did not exit");
    }
    return new Ended(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  record Ended(int exitCode, String stdout, String stderr) {}

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
  }

  CompletableFuture<HttpResponse<String>> getLater(String path) {
    return HTTP.sendAsync(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20))
        .build();
  }

  /** Sends SIGTERM and waits for the exit; gives back the rest of stdout and the exit code. */
  Ended terminate() throws IOException, InterruptedException {
    // through the handle: Process.destroy() would also close our end of stdout
    process.toHandle().destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the service did not stop on SIGTERM");
    }
    var rest = new StringBuilder();
    for (String line; (line = stdout.readLine()) != null; ) {
      rest.append(line).append('\n');
    }
    return new Ended(process.exitValue(), rest.toString(), stderr.join());
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private static CompletableFuture<String> readAll(Process process) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }

  private static List<String> javaCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(
        java, "-cp", System.getProperty("java.class.path"), SampleService.class.getName());
  }
}
