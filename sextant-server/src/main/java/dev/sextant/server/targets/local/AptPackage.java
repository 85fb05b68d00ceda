package dev.sextant.server.targets.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Debian package the local target needs, installed with apt-get when missing and this runs as
 * root. apt-get's output goes to the log, never to stdout (the server's, the demo's). A refusal
 * says what to install by hand, so tests fail on it rather than skip in silence.
 */
public final class AptPackage {
  private static final Logger LOG = LoggerFactory.getLogger(AptPackage.class);

  private AptPackage() {}

  /**
   * Installs {@code name} (without recommended packages) unless {@code installed} says it already
   * is, once the package lists are fresh if the first try fails. Other JVMs (other modules, other
   * checkouts) may install at the same time, so one lock file per package serialises them.
   *
   * @throws IllegalStateException naming the package and {@code how} when it is missing and cannot
   *     be installed
   */
  public static void install(String name, BooleanSupplier installed, String how) {
    if (installed.getAsBoolean()) {
      return;
    }
    if (!"root".equals(System.getProperty("user.name"))
        || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      throw new IllegalStateException(
          name + " is missing and cannot be installed here (needs root and apt-get); " + how);
    }
    Path lock = Path.of("/tmp/sextant-" + name + "-install.lock");
    try (FileChannel channel =
            FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      if (installed.getAsBoolean()) {
        return;
      }
      List<String> install = List.of("apt-get", "install", "-y", "--no-install-recommends", name);
      if (run(install) != 0) {
        run(List.of("apt-get", "update"));
        int rc = run(install);
        if (rc != 0) {
          throw new IllegalStateException(
              "apt-get install " + name + " failed with " + rc + " (see the log); " + how);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot install " + name + " (" + e.getMessage() + "); " + how, e);
    }
  }

  private static int run(List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      int rc = p.waitFor();
      LOG.info("{} exited with {}:\n{}", String.join(" ", command), rc, tail(output));
      return rc;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }

  private static String tail(String output) {
    return output.length() <= 2000 ? output : output.substring(output.length() - 2000);
  }
}
