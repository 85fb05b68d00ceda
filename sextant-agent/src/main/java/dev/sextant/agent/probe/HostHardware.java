package dev.sextant.agent.probe;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Platform facts as a cross-platform library reports them. Probes read Linux's own files first and
 * ask here only for what those files do not state, or on hosts that have no {@code /proc}. Every
 * answer may be empty.
 */
public interface HostHardware {
  /** Knows nothing: the hardware of a host recorded only as files and command outputs. */
  HostHardware NONE = new HostHardware() {};

  default Optional<String> osFamily() {
    return Optional.empty();
  }

  default Optional<String> osVersion() {
    return Optional.empty();
  }

  default Optional<String> kernel() {
    return Optional.empty();
  }

  default Optional<String> cpuVendor() {
    return Optional.empty();
  }

  default Optional<String> cpuModel() {
    return Optional.empty();
  }

  default OptionalInt physicalCores() {
    return OptionalInt.empty();
  }

  default OptionalInt logicalThreads() {
    return OptionalInt.empty();
  }

  default OptionalLong memoryTotal() {
    return OptionalLong.empty();
  }

  default Optional<String> hostname() {
    return Optional.empty();
  }

  /** Local filesystems, network and pseudo filesystems left out. */
  default List<Disk> disks() {
    return List.of();
  }

  record Disk(String mount, String type, long totalBytes) {}
}
