package dev.sextant.server.targets.local;

import java.nio.file.Path;

/** One instance of a service's track: the {@code index}th (from 1) of its stable or canary. */
public record InstanceId(String service, Track track, int index) {
  public InstanceId {
    if (service.isBlank() || service.contains("/") || service.startsWith(".")) {
      throw new IllegalArgumentException(
          "not a service name for a log directory: '" + service + "'");
    }
    if (index < 1) {
      throw new IllegalArgumentException("instances count from 1, not " + index);
    }
  }

  /** Its log file under {@code logDirectory}: {@code <service>/<track>-<index>.log}. */
  public Path log(Path logDirectory) {
    return logDirectory.resolve(service).resolve(track.slotPrefix() + "-" + index + ".log");
  }

  @Override
  public String toString() {
    return service + "/" + track.slotPrefix() + "-" + index;
  }
}
