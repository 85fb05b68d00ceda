package dev.sextant.core.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What one query of a metric's provider gave at a time: a result, no data, or an error. */
public sealed interface Measurement {
  Instant at();

  /** The query's answer as CEL sees it: {@code result}, a list, usually {@code result[0]}. */
  record Value(Instant at, List<Double> result) implements Measurement {
    public Value {
      Objects.requireNonNull(at, "at");
      result = List.copyOf(result);
    }
  }

  /** The provider answered with nothing to judge. */
  record NoData(Instant at, String reason) implements Measurement {
    public NoData {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The provider could not be asked or did not answer (endpoint down, malformed text). */
  record QueryError(Instant at, String message) implements Measurement {
    public QueryError {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The measurement a scrape query's reading makes. */
  static Measurement of(Instant at, Reading reading) {
    if (reading instanceof Reading.Value value) {
      return new Value(at, List.of(value.value()));
    }
    return new NoData(at, ((Reading.NoData) reading).reason());
  }
}
