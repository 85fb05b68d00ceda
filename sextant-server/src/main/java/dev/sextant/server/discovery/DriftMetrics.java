package dev.sextant.server.discovery;

/** Where detected drift is counted; the server's metrics registry implements it. */
@FunctionalInterface
public interface DriftMetrics {
  DriftMetrics NONE = (environment, kind, action) -> {};

  void detected(String environment, String kind, String action);
}
