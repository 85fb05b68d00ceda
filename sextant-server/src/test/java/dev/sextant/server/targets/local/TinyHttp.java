package dev.sextant.server.targets.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A service for supervisor tests, run as a real process: {@code /} names its port and the GREETING
 * variable, {@code /healthz} answers 200 once {@code --ready-after-ms} have passed. {@code
 * --ignore-term} makes SIGTERM hang its shutdown, {@code --child} starts a child that ignores
 * SIGTERM too.
 */
public final class TinyHttp {
  private TinyHttp() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int port = 0;
    long readyAfterMs = 0;
    for (String arg : args) {
      if (arg.startsWith("--port=")) {
        port = Integer.parseInt(arg.substring("--port=".length()));
      } else if (arg.startsWith("--ready-after-ms=")) {
        readyAfterMs = Long.parseLong(arg.substring("--ready-after-ms=".length()));
      } else if (arg.equals("--ignore-term")) {
        // a shutdown hook that never ends keeps the JVM alive after SIGTERM, as a stuck service
        Runtime.getRuntime().addShutdownHook(new Thread(TinyHttp::hang));
      } else if (arg.equals("--child")) {
        new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 600")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
      } else {
        System.err.println("tiny: unknown flag " + arg);
        System.exit(2);
      }
    }
    long readyAt = System.nanoTime() + readyAfterMs * 1_000_000;
    int listening = port;
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        "/",
        ex -> answer(ex, 200, "tiny on " + listening + " GREETING=" + System.getenv("GREETING")));
    server.createContext(
        "/healthz", ex -> answer(ex, System.nanoTime() - readyAt >= 0 ? 200 : 503, "ready?"));
    server.start();
    System.out.println("listening on " + port);
    System.out.flush();
  }

  /** The command that runs this class with this JVM, with {@code args} after the class name. */
  static List<String> command(String... args) {
    return command(TinyHttp.class, args);
  }

  /**
   * The command that runs {@code main}, a test class with a main method, as a small JVM like this
   * one, with {@code args} after the class name.
   */
  static List<String> command(Class<?> main, String... args) {
    try {
      Path classes = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // a small, quickly started JVM: tests start many
      command.addAll(
          List.of(
              "-Xshare:auto",
              "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC",
              "-Xmx32m",
              "-cp",
              classes.toString(),
              main.getName()));
      command.addAll(List.of(args));
      return command;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void answer(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void hang() {
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
