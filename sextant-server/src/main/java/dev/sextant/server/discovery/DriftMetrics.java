package dev.sextant.server.discovery;

/** Where drift checks are counted; the server's metrics registry implements it. */
public interface DriftMetrics {
  /** A check found drift in an environment and took the action named. */
  void detected(String environment, String kind, String action);

  /**
   * This server ran the check of every environment: once per interval among servers that share a
   * store.
   */
  void checkedAll();
}
