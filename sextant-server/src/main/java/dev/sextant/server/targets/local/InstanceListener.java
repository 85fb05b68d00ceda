package dev.sextant.server.targets.local;

/**
 * Learns of every change of an instance's state, so an engine need not poll. Called on the
 * supervisor's threads, one call per change; it should return quickly and not throw.
 */
@FunctionalInterface
public interface InstanceListener {
  void changed(InstanceStatus status);
}
