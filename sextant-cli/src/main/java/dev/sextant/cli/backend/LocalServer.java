package dev.sextant.cli.backend;

import dev.sextant.api.ApiClient;
import dev.sextant.api.ProblemKind;
import dev.sextant.cli.CliException;
import dev.sextant.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server of a data directory, as Gradle's daemon is to a build: found through its {@link
 * ServerFile}, or started in the background when none runs, and then used by every CLI of that
 * directory, so that a CLI never fights a server for the embedded store.
 */
public final class LocalServer {
  /** Where a server started here writes what it prints, in the data directory. */
  public static final String LOG = "server.log";

  /** Names JVM options for a server started here, e.g. {@code -Xmx512m}. */
  public static final String JAVA_OPTIONS = "SEXTANT_SERVER_JAVA_OPTS";

  /**
   * Where a server on the embedded store keeps the first admin's token, 0600, in the data
   * directory.
   */
  public static final String ADMIN_TOKEN = "admin.token";

  private static final String LOCK = "server.lock";
  private static final Duration START = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration HEALTH = Duration.ofSeconds(2);
  private static final int LOG_LINES = 15;

  private LocalServer() {}

  /** The file of the first admin's token in the data directory {@code home}. */
  public static Path adminTokenFile(Path home) {
    return home.resolve(ADMIN_TOKEN);
  }

  /**
   * The server of {@code home} that runs: its file names a live process and its {@code /healthz}
   * answers 200. Empty when there is no file, its process is gone (a crash), or it does not answer.
   */
  public static Optional<ServerFile> find(Path home) {
    return ServerFile.read(home).filter(ServerFile::alive).filter(LocalServer::healthy);
  }

  /**
   * The server of {@code home}: the one that runs, or one started now in the background, which
   * outlives this process. Starting it says so once on {@code err}.
   *
   * @param env the CLI's environment: its {@code SEXTANT_*} variables (the agent token, the log
   *     level) are the new server's
   * @throws CliException unavailable (exit 5) when no server answers within 30 seconds; the message
   *     holds the last lines of the server's log
   */
  public static ServerFile connect(Path home, Map<String, String> env, PrintWriter err) {
    Optional<ServerFile> running = find(home);
    if (running.isPresent()) {
      return running.get();
    }
    createPrivate(home);
    // A file lock keeps out other processes only; two threads of one process (tests, an IDE)
    // would get OverlappingFileLockException, so they take turns on the class first.
    synchronized (LocalServer.class) {
      try (FileChannel channel = openLock(home.resolve(LOCK));
          FileLock lock = channel.lock()) {
        // Another CLI may have started one while this one waited for the lock.
        running = find(home);
        if (running.isPresent()) {
          return running.get();
        }
        boolean firstAdmin = !Files.exists(adminTokenFile(home));
        ServerFile started = start(home, env);
        err.printf(
            "sextant: started a local server on %s (pid %d); 'sextant server stop' stops it%n",
            started.url(), started.pid());
        if (firstAdmin && Files.exists(adminTokenFile(home))) {
          err.printf(
              "sextant: made the first admin of %s; its token is in %s (yours only), which this"
                  + " CLI uses unless SEXTANT_TOKEN names another%n",
              home, adminTokenFile(home));
        }
        err.flush();
        return started;
      } catch (IOException e) {
        throw CliException.unavailable(
            "cannot start a local server for " + home + ": " + e.getMessage(), e);
      }
    }
  }

  private static ServerFile start(Path home, Map<String, String> env) throws IOException {
    Path log = home.resolve(LOG);
    if (!Files.exists(log)) {
      createPrivateFile(log);
    }
    long offset = Files.size(log);
    ProcessBuilder builder =
        new ProcessBuilder(command(env))
            .directory(home.toFile())
            // Nothing to read and nowhere to block: no pipe to this process, which may exit first.
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("SEXTANT_"));
    env.forEach(
        (name, value) -> {
          if (name.startsWith("SEXTANT_")) {
            environment.put(name, value);
          }
        });
    environment.remove("SEXTANT_SERVER");
    environment.remove("SEXTANT_NO_DAEMON");
    environment.put("SEXTANT_HOME", home.toAbsolutePath().toString());
    Process process = builder.start();
    long deadline = System.nanoTime() + START.toNanos();
    try {
      while (true) {
        Optional<ServerFile> running = find(home);
        if (running.isPresent()) {
          return running.get();
        }
        // An exit of 0 may be setsid's, had it forked; the server then still announces itself.
        if (!process.isAlive() && process.exitValue() != 0) {
          throw failure(home, log, offset, "it exited with " + process.exitValue());
        }
        if (System.nanoTime() > deadline) {
          process.destroy();
          throw failure(home, log, offset, "it did not answer within " + START.toSeconds() + " s");
        }
        process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.unavailable("interrupted while starting a local server for " + home, e);
    }
  }

  private static List<String> command(Map<String, String> env) {
    List<String> command = new ArrayList<>();
    // A session of its own, so that Ctrl-C in the terminal of the CLI that started it, or closing
    // that terminal, does not stop a server that other CLIs go on using.
    Stream.of("/usr/bin/setsid", "/bin/setsid")
        .map(Path::of)
        .filter(Files::isExecutable)
        .findFirst()
        .ifPresent(setsid -> command.add(setsid.toString()));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Optional.ofNullable(env.get(JAVA_OPTIONS))
        .filter(options -> !options.isBlank())
        .ifPresent(options -> command.addAll(Arrays.asList(options.strip().split("\\s+"))));
    command.addAll(
        List.of(
            "-cp",
            classPath(),
            Main.class.getName(),
            "server",
            "--port",
            "0",
            "--bind",
            "127.0.0.1"));
    return command;
  }

  /**
   * This JVM's class path with each entry made absolute: the server runs in the data directory,
   * where a path relative to the CLI's working directory (as {@code java -cp sextant.jar}) names
   * nothing.
   */
  private static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(java.util.stream.Collectors.joining(File.pathSeparator));
  }

  private static CliException failure(Path home, Path log, long offset, String why) {
    return new CliException(
        ProblemKind.UNAVAILABLE,
        "could not start a local server for "
            + home
            + ": "
            + why
            + "; the end of "
            + log
            + ":\n"
            + tail(log, offset));
  }

  /** The last lines written to the log since {@code offset}: what this start printed. */
  private static String tail(Path log, long offset) {
    try {
      byte[] all = Files.readAllBytes(log);
      int from = (int) Math.min(offset, all.length);
      List<String> lines =
          new String(all, from, all.length - from, StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** Whether {@code GET /healthz} at the file's address answers 200. */
  static boolean healthy(ServerFile server) {
    try {
      return new ApiClient(URI.create(server.url()), Optional.empty()).healthy(HEALTH);
    } catch (IllegalArgumentException e) {
      return false; // not a URL of a server: a damaged file
    }
  }

  /** Creates the data directory 0700, as the store would, so no one else can read the files. */
  private static void createPrivate(Path home) {
    try {
      try {
        Files.createDirectories(
            home,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        Files.createDirectories(home);
      }
    } catch (IOException e) {
      throw CliException.unavailable("cannot create the data directory " + home, e);
    }
  }

  private static FileChannel openLock(Path file) throws IOException {
    try {
      return FileChannel.open(
          file,
          java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }
  }

  private static void createPrivateFile(Path file) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
  }

  private static File nullDevice() {
    return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
  }
}
