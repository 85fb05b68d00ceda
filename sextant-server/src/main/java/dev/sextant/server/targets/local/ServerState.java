package dev.sextant.server.targets.local;

/**
 * One server of a backend as {@code show servers state} reports it.
 *
 * @param backend the backend's name
 * @param server the server's name
 * @param address its IP address
 * @param port its port
 * @param operationalState 0 stopped, 1 starting, 2 running, 3 stopping
 * @param adminFlags HAProxy's admin flags (maintenance and drain bits)
 * @param weight the current (user) weight
 */
public record ServerState(
    String backend,
    String server,
    String address,
    int port,
    int operationalState,
    int adminFlags,
    int weight) {
  // SRV_ADMF_* in HAProxy's include/haproxy/server-t.h
  private static final int MAINT_FLAGS = 0x01 | 0x02 | 0x20;
  private static final int DRAIN_FLAGS = 0x08 | 0x10;
  private static final int RUNNING = 2;

  public boolean inMaintenance() {
    return (adminFlags & MAINT_FLAGS) != 0;
  }

  public boolean draining() {
    return (adminFlags & DRAIN_FLAGS) != 0;
  }

  public boolean running() {
    return operationalState == RUNNING;
  }
}
