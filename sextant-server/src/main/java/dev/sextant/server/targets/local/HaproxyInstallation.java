package dev.sextant.server.targets.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds HAProxy for the local target, installing Debian's package when it is missing and this runs
 * as root with apt-get. Otherwise it refuses, saying exactly what to install: the tests fail on
 * that rather than skip in silence, which would hide that the local target was never exercised.
 */
public final class HaproxyInstallation {
  private static final Logger LOG = LoggerFactory.getLogger(HaproxyInstallation.class);
  private static final Path LOCK = Path.of("/tmp/sextant-haproxy-install.lock");

  /** What to do when HAProxy is missing. */
  public static final String HOW = "install HAProxy 2.6 or newer: apt-get install -y haproxy";

  private HaproxyInstallation() {}

  /**
   * HAProxy's binary, installed first when missing and allowed.
   *
   * @throws HaproxyException when it is missing and cannot be installed, or too old
   */
  public static synchronized Path binary() {
    Optional<Path> found = find();
    if (found.isEmpty()) {
      installWithApt();
      found = find();
    }
    if (found.isEmpty()) {
      throw missing("HAProxy is not on PATH nor at /usr/sbin/haproxy; " + HOW);
    }
    HaproxyVersion version = HaproxyProcess.version(found.get());
    if (!version.isAtLeast(HaproxyVersion.MINIMUM)) {
      throw missing("HAProxy " + version.full() + " at " + found.get() + " is too old; " + HOW);
    }
    return found.get();
  }

  private static Optional<Path> find() {
    return HaproxyProcess.findBinary(System.getenv().getOrDefault("PATH", ""));
  }

  private static void installWithApt() {
    if (!"root".equals(System.getProperty("user.name"))
        || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      throw missing(
          "HAProxy is missing and cannot be installed here (needs root and apt-get); " + HOW);
    }
    // Other test JVMs (other modules, other checkouts) may install at the same time.
    try (FileChannel channel =
            FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      if (find().isPresent()) {
        return;
      }
      if (run(List.of("apt-get", "install", "-y", "--no-install-recommends", "haproxy")) != 0) {
        run(List.of("apt-get", "update"));
        int rc = run(List.of("apt-get", "install", "-y", "--no-install-recommends", "haproxy"));
        if (rc != 0) {
          throw missing("apt-get install haproxy failed with " + rc + "; " + HOW);
        }
      }
    } catch (IOException e) {
      throw missing("cannot install HAProxy (" + e.getMessage() + "); " + HOW);
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

  private static HaproxyException missing(String message) {
    return new HaproxyException("haproxy", message);
  }
}
