package dev.sextant.server.targets.local;

/** Where a supervised instance is in its life. */
public enum InstanceState {
  /** Its process runs and readiness has not answered 200 yet. */
  STARTING,
  /** Its readiness path answered 200. */
  READY,
  /** Its process exited while nobody was stopping it; a restart is due after a back-off. */
  CRASHED,
  /** It is being stopped: told to terminate, and killed if it outlives the stop timeout. */
  STOPPING,
  /** Stopped on request; it stays down. */
  STOPPED,
  /**
   * It will not come up by itself (never ready within the readiness timeout, or its command cannot
   * be run); it is torn down and not restarted, so that the engine decides.
   */
  FAILED
}
