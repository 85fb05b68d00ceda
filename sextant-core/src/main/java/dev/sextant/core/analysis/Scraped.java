package dev.sextant.core.analysis;

import java.time.Instant;
import java.util.Objects;

/** What one instance's metrics endpoint said at a time: the shell fetches, core only reads. */
public record Scraped(Instant at, Exposition exposition) {
  public Scraped {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(exposition, "exposition");
  }
}
