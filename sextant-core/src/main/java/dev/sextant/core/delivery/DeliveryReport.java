package dev.sextant.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Computes DORA's delivery figures ("Accelerate"; dora.dev) from finished rollouts, per service and
 * environment:
 *
 * <ul>
 *   <li>deployment frequency: deployments in the window per day;
 *   <li>lead time for changes: from a release revision's creation to its rollout's deployment
 *       (median and 90th percentile);
 *   <li>change failure rate: failed or rolled-back rollouts over all that finished;
 *   <li>time to restore: from a failed rollout to the next successful one of the same service in
 *       the same environment (median); failures in a row are one outage, timed from the first.
 * </ul>
 */
public final class DeliveryReport {
  private DeliveryReport() {}

  /**
   * The figures of every service and environment in which a rollout finished in the window, sorted
   * by environment, then service.
   *
   * @param rollouts finished rollouts, any order; those before the window count only as the start
   *     of an outage restored in it
   */
  public static List<DeliveryFigures> figures(
      List<FinishedRollout> rollouts, DeliveryWindow window) {
    Map<Deployed, List<FinishedRollout>> groups =
        rollouts.stream()
            .collect(
                Collectors.groupingBy(
                    r -> new Deployed(r.environment(), r.service()),
                    TreeMap::new,
                    Collectors.toList()));
    List<DeliveryFigures> figures = new ArrayList<>();
    groups.forEach(
        (where, group) -> {
          if (group.stream().anyMatch(r -> window.contains(r.finished()))) {
            figures.add(of(where.environment(), where.service(), group, window));
          }
        });
    return figures;
  }

  /** A service in an environment, in the report's order. */
  private record Deployed(String environment, String service) implements Comparable<Deployed> {
    private static final Comparator<Deployed> ORDER =
        Comparator.comparing(Deployed::environment).thenComparing(Deployed::service);

    @Override
    public int compareTo(Deployed other) {
      return ORDER.compare(this, other);
    }
  }

  private static DeliveryFigures of(
      String environment, String service, List<FinishedRollout> group, DeliveryWindow window) {
    List<FinishedRollout> deployed =
        group.stream().filter(r -> r.deployed().filter(window::contains).isPresent()).toList();
    List<Duration> leadTimes =
        deployed.stream()
            .filter(r -> r.changeCreated().isPresent())
            .map(r -> Duration.between(r.changeCreated().get(), r.deployed().get()))
            .toList();
    List<FinishedRollout> finished =
        group.stream().filter(r -> window.contains(r.finished())).toList();
    long failures = finished.stream().filter(FinishedRollout::changeFailure).count();
    List<Duration> restores = restores(group, window);
    return new DeliveryFigures(
        environment,
        service,
        deployed.size(),
        deployed.size() / window.days(),
        Percentiles.of(leadTimes, 0.5),
        Percentiles.of(leadTimes, 0.9),
        finished.size(),
        (int) failures,
        finished.isEmpty()
            ? OptionalDouble.empty()
            : OptionalDouble.of((double) failures / finished.size()),
        restores.size(),
        Percentiles.of(restores, 0.5));
  }

  private static List<Duration> restores(List<FinishedRollout> group, DeliveryWindow window) {
    List<FinishedRollout> inOrder =
        group.stream()
            .sorted(
                Comparator.comparing(FinishedRollout::finished).thenComparing(FinishedRollout::id))
            .toList();
    List<Duration> restores = new ArrayList<>();
    Optional<Instant> outage = Optional.empty();
    for (FinishedRollout rollout : inOrder) {
      if (rollout.changeFailure()) {
        outage = outage.or(() -> Optional.of(rollout.finished()));
      } else if (rollout.deployed().isPresent() && outage.isPresent()) {
        if (window.contains(rollout.finished())) {
          restores.add(Duration.between(outage.get(), rollout.finished()));
        }
        outage = Optional.empty();
      }
    }
    return restores;
  }
}
