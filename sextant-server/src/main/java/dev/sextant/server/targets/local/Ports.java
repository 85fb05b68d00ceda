package dev.sextant.server.targets.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free ports on the loopback interface for instances to listen on. */
public final class Ports {
  private Ports() {}

  /**
   * A loopback port that was free a moment ago: the kernel picks it for a socket bound to port 0,
   * which is closed again before the port is returned. Between that close and the instance's own
   * bind another process may take the port; the instance then fails to listen, exits, and is
   * restarted on a new port, so the race costs a restart rather than a wrong answer.
   */
  public static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port: " + e.getMessage(), e);
    }
  }

  /** Whether a loopback port can be bound now, e.g. the one a service's frontend had before. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
