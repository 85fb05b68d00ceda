package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Finds HAProxy for tests that need a real one, installing Debian's package when it is missing and
 * this runs as root with apt-get. Otherwise the test fails, saying what to install: a test that
 * skips in silence would hide that the local target was never exercised.
 */
final class HaproxyInstallation {
  private static final Path LOCK = Path.of("/tmp/sextant-haproxy-install.lock");
  private static final String HOW = "install HAProxy 2.6 or newer: apt-get install -y haproxy";

  private HaproxyInstallation() {}

  static synchronized Path binary() {
    Optional<Path> found = find();
    if (found.isEmpty()) {
      installWithApt();
      found = find();
    }
    if (found.isEmpty()) {
      return fail("HAProxy is not on PATH nor at /usr/sbin/haproxy; " + HOW);
    }
    HaproxyVersion version = HaproxyProcess.version(found.get());
    if (!version.isAtLeast(HaproxyVersion.MINIMUM)) {
      return fail("HAProxy " + version.full() + " at " + found.get() + " is too old; " + HOW);
    }
    return found.get();
  }

  private static Optional<Path> find() {
    return HaproxyProcess.findBinary(System.getenv().getOrDefault("PATH", ""));
  }

  private static void installWithApt() {
    if (!"root".equals(System.getProperty("user.name"))
        || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      fail("HAProxy is missing and cannot be installed here (needs root and apt-get); " + HOW);
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
          fail("apt-get install haproxy failed with " + rc + "; " + HOW);
        }
      }
    } catch (IOException e) {
      fail("cannot install HAProxy (" + e.getMessage() + "); " + HOW);
    }
  }

  private static int run(List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      int rc = p.waitFor();
      System.out.printf("%s exited with %d%n%s%n", String.join(" ", command), rc, tail(output));
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
