package dev.sextant.cli.command;

import dev.sextant.cli.CliException;
import dev.sextant.cli.backend.Backend;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.server.store.Revision;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Finding one revision, with the not-found messages the commands share. */
final class Lookups {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Lookups() {}

  static Revision find(Backend store, ResourceKey key, Long revision) {
    if (revision == null) {
      return store.latest(key).orElseThrow(() -> CliException.notFound(key + " not found"));
    }
    return store
        .revision(key, revision)
        .orElseThrow(
            () ->
                CliException.notFound(
                    key
                        + " has no revision "
                        + revision
                        + (store
                            .latest(key)
                            .map(r -> " (its revisions are 1 to " + r.number() + ")")
                            .orElse(" (the resource does not exist)"))));
  }

  static String time(Instant instant) {
    return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
