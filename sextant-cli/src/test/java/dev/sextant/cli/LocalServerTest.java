package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.api.ApiClient;
import dev.sextant.api.ServerSentEvent;
import dev.sextant.cli.backend.LocalServer;
import dev.sextant.cli.backend.ServerFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local server of a data directory, with real processes: the CLI starts it in the background
 * when none runs, reuses it after, and talks to it as any client does. Each test stops what it
 * started, and checks that no server of its own outlives it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LocalServerTest {
  // A small, quick-starting JVM: these servers share a two-core machine with the build.
  private static final String SMALL_JVM = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
  private static final String STARTED = "sextant: started a local server on http://127.0.0.1:";
  // How the CLI starts a server, as /proc/PID/cmdline ends: each argument ends with a NUL.
  private static final String LOCAL_SERVER_ARGUMENTS =
      String.join("\0", "", "server", "--port", "0", "--bind", "127.0.0.1", "");
  private static final String ENVIRONMENT =
      """
      apiVersion: sextant.dev/v1
      kind: Environment
      metadata:
        name: gpu-lab
      spec:
        target:
          type: agent
        facts:
          cpu.arch: x86_64
        drift: alert
      """;
  private static final String SERVICE =
      """
      apiVersion: sextant.dev/v1
      kind: Service
      metadata:
        name: %s
      spec:
        description: Stored through the local server.
        owner: team-daemon
      """;
  private static final String OBSERVED =
      """
      collectedAt: 2026-11-20T09:00:00Z
      facts:
        cpu.arch: x86_64
      """;

  @TempDir Path home;
  @TempDir Path files;

  private final List<Long> seen = new CopyOnWriteArrayList<>();

  private Cli cli() {
    return Cli.withDaemon(home).withEnv("SEXTANT_SERVER_JAVA_OPTS", SMALL_JVM);
  }

  @AfterEach
  void stop_every_server_started_here() throws Exception {
    ServerFile.read(home).ifPresent(file -> seen.add(file.pid()));
    for (long pid : seen) {
      Optional<ProcessHandle> process = ProcessHandle.of(pid);
      if (process.isPresent() && process.get().isAlive()) {
        process.get().destroyForcibly();
        process.get().onExit().get(10, TimeUnit.SECONDS);
      }
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
          .as("server %d", pid)
          .isEmpty();
    }
    assertThat(localServers()).as("servers started by the CLI in this JVM").isEmpty();
  }

  /**
   * The children of this JVM that run a server as the CLI starts one. Read from /proc (the tests
   * run on Linux): {@link ProcessHandle.Info} cuts a command line of a class path's length short.
   */
  private static List<ProcessHandle> localServers() {
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .filter(p -> commandLine(p).endsWith(LOCAL_SERVER_ARGUMENTS))
        .toList();
  }

  private static String commandLine(ProcessHandle process) {
    try {
      return Files.readString(
          Path.of("/proc", String.valueOf(process.pid()), "cmdline"), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Test
  void a_store_command_starts_a_server_that_the_next_ones_reuse_and_server_stop_ends()
      throws Exception {
    Cli cli = cli();
    Path environment = Files.writeString(files.resolve("env.yaml"), ENVIRONMENT);
    Path service = Files.writeString(files.resolve("svc.yaml"), SERVICE.formatted("web"));
    // Two at once start one server between them.
    CompletableFuture<Cli.Result> first =
        CompletableFuture.supplyAsync(() -> cli.store("apply", "-f", environment.toString()));
    CompletableFuture<Cli.Result> second =
        CompletableFuture.supplyAsync(() -> cli.store("apply", "-f", service.toString()));
    List<Cli.Result> both =
        List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
    both.forEach(result -> assertThat(result.code()).as(result.toString()).isZero());
    assertThat(both).filteredOn(result -> result.err().contains(STARTED)).hasSize(1);

    ServerFile server = ServerFile.read(home).orElseThrow();
    seen.add(server.pid());
    assertThat(both.get(0).err() + both.get(1).err())
        .contains("(pid " + server.pid() + "); 'sextant server stop' stops it")
        .doesNotContain(server.token());
    assertThat(Files.getPosixFilePermissions(ServerFile.in(home)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));

    Cli.Result listed = cli.store("get", "environments");
    assertThat(listed.code()).as(listed.toString()).isZero();
    assertThat(listed.out()).contains("gpu-lab");
    assertThat(listed.err()).doesNotContain(STARTED);
    assertThat(ServerFile.read(home).orElseThrow().pid()).isEqualTo(server.pid());

    Cli.Result status = cli.run("server", "status");
    assertThat(status.code()).as(status.toString()).isZero();
    assertThat(status.out())
        .contains(server.url(), String.valueOf(server.pid()))
        .doesNotContain(server.token());

    assertThat(localServers()).extracting(ProcessHandle::pid).containsExactly(server.pid());
    Cli.Result foreground = cli.run("server", "--port", "0");
    assertThat(foreground.code()).as(foreground.toString()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(foreground.err())
        .contains("a local server already runs for " + home + " on " + server.url());

    Cli.Result stopped = cli.run("server", "stop");
    assertThat(stopped.code()).as(stopped.toString()).isZero();
    assertThat(ProcessHandle.of(server.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(ServerFile.in(home)).doesNotExist();

    Cli.Result none = cli.run("server", "status");
    assertThat(none.code()).as(none.toString()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(none.err()).contains("no local server runs for " + home);
    Cli.Result again = cli.run("server", "stop");
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.out()).contains("no local server runs for " + home);
    // The store is free again: a CLI without a server opens it and finds what was stored.
    Cli.Result direct = Cli.withHome(home).store("get", "services", "web");
    assertThat(direct.code()).as(direct.toString()).isZero();
  }

  @Test
  void the_cli_and_the_server_share_the_data_directory_and_its_event_stream() throws Exception {
    Cli cli = cli();
    Cli.Result applied =
        cli.store(
            "apply", "-f", Files.writeString(files.resolve("env.yaml"), ENVIRONMENT).toString());
    assertThat(applied.code()).as(applied.toString()).isZero();
    ServerFile server = ServerFile.read(home).orElseThrow();
    seen.add(server.pid());
    // The first admin's token, which the server made with the store and keeps for its owner.
    String admin = Files.readString(LocalServer.adminTokenFile(home)).strip();
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(LocalServer.adminTokenFile(home))))
        .isEqualTo("rw-------");
    ApiClient api = new ApiClient(URI.create(server.url()), Optional.of(admin));

    // What the CLI stored, the API reads.
    assertThat(api.get("api/v1/environments/gpu-lab")).isPresent();
    // What the API stores, the CLI reads.
    api.post(
        "api/v1/apply",
        "application/yaml",
        SERVICE.formatted("api-made").getBytes(StandardCharsets.UTF_8),
        Map.of("X-Sextant-Source", "api-made.yaml"));
    Cli.Result read = cli.store("get", "services", "api-made");
    assertThat(read.code()).as(read.toString()).isZero();
    assertThat(read.out()).contains("api-made");

    // Recording a fingerprint needs an API token: the CLI takes the first admin's.
    Cli.Result recorded =
        cli.store(
            "fingerprint",
            "--record",
            "gpu-lab",
            "-f",
            Files.writeString(files.resolve("fp.yaml"), OBSERVED).toString());
    assertThat(recorded.code()).as(recorded.toString()).isZero();
    assertThat(recorded.out()).contains("gpu-lab: fingerprint revision 1");

    // The stream, read with the CLI's own client, carries the events of an apply by the CLI.
    CompletableFuture<ServerSentEvent> streamed =
        CompletableFuture.supplyAsync(
            () -> {
              ServerSentEvent[] found = new ServerSentEvent[1];
              api.stream(
                  "api/v1/events/stream?after=0",
                  event -> {
                    if (event.data().contains("cli-made")) {
                      found[0] = event;
                      return false;
                    }
                    return true;
                  });
              return found[0];
            });
    Cli.Result service =
        cli.store(
            "apply",
            "-f",
            Files.writeString(files.resolve("svc.yaml"), SERVICE.formatted("cli-made")).toString());
    assertThat(service.code()).as(service.toString()).isZero();
    assertThat(streamed.get(20, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void two_cli_processes_started_at_once_start_one_server() throws Exception {
    List<Process> clis = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ProcessBuilder builder =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1",
              "-cp",
              System.getProperty("java.class.path"),
              Main.class.getName(),
              "get",
              "environments");
      builder.environment().keySet().removeIf(name -> name.startsWith("SEXTANT_"));
      builder.environment().put("SEXTANT_HOME", home.toString());
      builder.environment().put("SEXTANT_SERVER_JAVA_OPTS", SMALL_JVM);
      clis.add(
          builder
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(files.resolve("cli-" + i + ".err").toFile())
              .start());
    }
    for (Process cli : clis) {
      assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    ServerFile.read(home).ifPresent(file -> seen.add(file.pid()));
    String errors =
        Files.readString(files.resolve("cli-0.err")) + Files.readString(files.resolve("cli-1.err"));
    assertThat(clis).as(errors).allSatisfy(cli -> assertThat(cli.exitValue()).isZero());
    assertThat(errors.split(STARTED, -1)).as(errors).hasSize(2);
    // Its parent has exited, so it is no child of this JVM: server.json names it, for AfterEach.
    assertThat(ServerFile.read(home).orElseThrow().alive()).isTrue();
  }

  @Test
  void a_stale_server_file_is_replaced_by_a_new_server() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor(10, TimeUnit.SECONDS);
    new ServerFile("http://127.0.0.1:1", gone.pid(), "stale-token", Instant.now()).write(home);

    Cli.Result listed = cli().store("get", "environments");
    assertThat(listed.code()).as(listed.toString()).isZero();
    assertThat(listed.err()).contains(STARTED);
    ServerFile server = ServerFile.read(home).orElseThrow();
    seen.add(server.pid());
    assertThat(server.pid()).isNotEqualTo(gone.pid());
    assertThat(server.alive()).isTrue();
    assertThat(server.token()).isNotEqualTo("stale-token");
  }

  @Test
  void a_server_that_cannot_start_is_exit_5_with_the_end_of_its_log() {
    Cli.Result result =
        Cli.withDaemon(home)
            .withEnv("SEXTANT_SERVER_JAVA_OPTS", "-Xmx1k")
            .store("get", "environments");
    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(result.err())
        .contains("could not start a local server for " + home, "server.log", "heap");
  }

  @Test
  void commands_that_need_no_store_start_no_server() throws Exception {
    Path environment = Files.writeString(files.resolve("env.yaml"), ENVIRONMENT);
    Cli.Result valid = cli().run("validate", "-f", environment.toString());
    assertThat(valid.code()).as(valid.toString()).isZero();
    Cli.Result fingerprint = cli().run("fingerprint", "-o", "json");
    assertThat(fingerprint.code()).as(fingerprint.toString()).isZero();
    assertThat(cli().run("server", "status").code()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(ServerFile.in(home)).doesNotExist();
    assertThat(home.resolve("server.log")).doesNotExist();
  }
}
