package dev.sextant.server.targets.local;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds HAProxy for the local target, installing Debian's package when it is missing and this runs
 * as root with apt-get. Otherwise it refuses, saying exactly what to install: the tests fail on
 * that rather than skip in silence, which would hide that the local target was never exercised.
 */
public final class HaproxyInstallation {

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
    try {
      AptPackage.install("haproxy", () -> find().isPresent(), HOW);
    } catch (IllegalStateException e) {
      throw missing(e.getMessage());
    }
  }

  private static HaproxyException missing(String message) {
    return new HaproxyException("haproxy", message);
  }
}
