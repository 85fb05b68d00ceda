package dev.sextant.server.targets.local;

import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.rollout.RolloutCommand;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.server.rollout.RolloutTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's rollout on this host: its revisions run as supervised instances on two tracks, and a
 * real HAProxy in front splits traffic between them by weight, never by reload. Commands are
 * idempotent by their effect (a weight set twice is one weight, a track scaled to the count it has
 * is left alone), so a command carried out again after a crash changes nothing.
 *
 * <p>What the rollout waits for (a weight in place, instances ready) is told back through {@code
 * confirmations}, after the command; the engine refuses a confirmation it no longer waits for.
 */
public final class LocalTarget implements RolloutTarget {
  private static final Logger LOG = LoggerFactory.getLogger(LocalTarget.class);
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  private final String service;
  private final Revisions revisions;
  private final int instances;
  private final Function<String, InstanceSpec> specOf;
  private final InstanceSupervisor supervisor;
  private final HaproxyBalancer balancer;
  private final Consumer<RolloutEvent> confirmations;
  private final Clock clock;
  private String stableRevision;

  /**
   * The revision each track's processes run, so that scaling to another revision restarts them and
   * scaling to the same one does not. Shared by every rollout of the service on this host.
   */
  private final Map<Track, String> runs;

  private int weight;

  /**
   * @param revisions the revision serving now (running on the stable track) and the one rolled out
   * @param instances how many instances the stable track runs
   * @param specOf how a revision runs here
   * @param confirmations where the events the rollout waits for go
   */
  public LocalTarget(
      String service,
      Revisions revisions,
      int instances,
      Function<String, InstanceSpec> specOf,
      InstanceSupervisor supervisor,
      HaproxyBalancer balancer,
      Consumer<RolloutEvent> confirmations,
      Clock clock) {
    this(
        service,
        revisions,
        instances,
        specOf,
        supervisor,
        balancer,
        confirmations,
        clock,
        new ConcurrentHashMap<>());
  }

  /**
   * @param runs what each track of the service runs now, as the service's earlier rollouts on this
   *     host left it
   */
  public LocalTarget(
      String service,
      Revisions revisions,
      int instances,
      Function<String, InstanceSpec> specOf,
      InstanceSupervisor supervisor,
      HaproxyBalancer balancer,
      Consumer<RolloutEvent> confirmations,
      Clock clock,
      Map<Track, String> runs) {
    this.runs = runs;
    this.service = service;
    this.revisions = revisions;
    this.instances = instances;
    this.specOf = specOf;
    this.supervisor = supervisor;
    this.balancer = balancer;
    this.confirmations = confirmations;
    this.clock = clock;
    this.stableRevision = revisions.stable();
  }

  /** Starts the stable revision and sends it all traffic: where a service is before a rollout. */
  public void serveStable() {
    scale(Track.STABLE, stableRevision, instances);
    route(0);
  }

  @Override
  public void run(String rollout, RolloutCommand command) {
    if (command instanceof RolloutCommand.SetCanaryWeight set) {
      setWeight(set.weight());
      confirmations.accept(new RolloutEvent.StepFinished(clock.instant()));
    } else if (command instanceof RolloutCommand.ScaleInstances scale) {
      Track track = scale.track() == RolloutCommand.Track.CANARY ? Track.CANARY : Track.STABLE;
      String revision = track == Track.CANARY ? revisions.canary() : stableRevision;
      if (scale.count() == 0 && track == Track.CANARY) {
        setWeight(0);
        scale(Track.BASELINE, stableRevision, 0);
      }
      scale(track, revision, scale.count());
      setWeight(weight);
      confirmations.accept(new RolloutEvent.InstancesReady(clock.instant()));
    } else if (command instanceof RolloutCommand.PromoteCanary) {
      promote();
    } else if (command instanceof RolloutCommand.RestoreRevision restore) {
      setWeight(0);
      scale(Track.BASELINE, stableRevision, 0);
      scale(Track.CANARY, revisions.canary(), 0);
      stableRevision = restore.revision();
      scale(Track.STABLE, stableRevision, instances);
      setWeight(0);
    } else {
      // Analyses, approvals, migrations, verifications and outcomes are not this target's.
      LOG.debug("rollout {}: {} is not the local target's", rollout, command);
    }
  }

  /**
   * Starts or stops a baseline: as many instances of the stable revision as the canary has ready
   * (at least one), which take the canary's share of traffic from stable's while the canary has at
   * most half of it. A judge compares the canary with them rather than with the stable fleet, whose
   * instances have run longer and under another load.
   */
  public void baseline(boolean wanted) {
    int count = wanted ? Math.max(1, ready(Track.CANARY)) : 0;
    scale(Track.BASELINE, stableRevision, count);
    route(weight);
  }

  /** The canary's share of traffic now, 0-100. */
  public int weight() {
    return weight;
  }

  /** The revision the stable track runs now. */
  public String stableRevision() {
    return stableRevision;
  }

  /**
   * Sets the canary's share, starting the canary's instances first when it has none ready: the
   * machine leaves their number to the target.
   */
  private void setWeight(int percent) {
    if (percent > 0 && ready(Track.CANARY) == 0) {
      scale(Track.CANARY, revisions.canary(), instances);
    }
    route(percent);
    weight = percent;
  }

  /**
   * Splits traffic between the tracks' ready instances. A track with none cannot take a share: the
   * other takes it all (before a service's first deployment, stable runs nothing), and with none on
   * either there is nothing to route.
   */
  private void route(int percent) {
    int stable = ready(Track.STABLE);
    int canary = ready(Track.CANARY);
    if (stable == 0 && canary == 0) {
      return;
    }
    int share = stable == 0 ? 100 : canary == 0 ? 0 : percent;
    balancer.split(TrafficSplit.of(share, stable, canary, ready(Track.BASELINE)));
  }

  /**
   * The canary's revision becomes the stable one: a stable track of it takes the traffic, then the
   * canary's track stops, so that the next rollout starts from two tracks as this one did.
   */
  private void promote() {
    scale(Track.BASELINE, stableRevision, 0);
    setWeight(100);
    stableRevision = revisions.canary();
    scale(Track.STABLE, stableRevision, instances);
    route(0);
    weight = 0;
    scale(Track.CANARY, revisions.canary(), 0);
  }

  /** Runs {@code count} instances of {@code revision} on {@code track}, bound to its slots. */
  private void scale(Track track, String revision, int wanted) {
    // No revision (what stable is before a service's first deployment) runs nothing.
    int count = revision.isEmpty() ? 0 : wanted;
    long running =
        supervisor.snapshot().stream()
            .filter(s -> s.id().service().equals(service) && s.id().track() == track)
            .filter(s -> s.state() == InstanceState.READY || s.state() == InstanceState.STARTING)
            .count();
    if (running == count && (count == 0 || revision.equals(runs.get(track)))) {
      return;
    }
    if (running > 0) {
      // Out of the backend first, so that no request reaches a process that is going.
      unbind(track);
      supervisor.stop(service, track);
    }
    if (count == 0) {
      return;
    }
    supervisor.start(service, track, specOf.apply(revision), count);
    runs.put(track, revision);
    List<InstanceStatus> up = awaitReady(track, count);
    for (InstanceStatus status : up) {
      Slot slot = new Slot(track, status.id().index());
      balancer.bind(slot, status.port());
      balancer.setState(slot, ServerAdminState.READY);
    }
  }

  private List<InstanceStatus> awaitReady(Track track, int count) {
    long until = System.nanoTime() + READY_WITHIN.toNanos();
    while (true) {
      List<InstanceStatus> mine =
          supervisor.snapshot().stream()
              .filter(s -> s.id().service().equals(service) && s.id().track() == track)
              .toList();
      if (mine.stream().anyMatch(s -> s.state() == InstanceState.FAILED)) {
        throw new IllegalStateException(
            "an instance of "
                + service
                + " did not start: "
                + mine.stream()
                    .filter(s -> s.state() == InstanceState.FAILED)
                    .findFirst()
                    .orElseThrow()
                    .reason());
      }
      if (mine.stream().filter(s -> s.state() == InstanceState.READY).count() >= count) {
        return mine;
      }
      if (System.nanoTime() > until) {
        throw new IllegalStateException(
            count + " instance(s) of " + service + " were not ready within " + READY_WITHIN);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + service, e);
      }
    }
  }

  private void unbind(Track track) {
    balancer.desired().keySet().stream()
        .filter(slot -> slot.track() == track)
        .forEach(slot -> balancer.setState(slot, ServerAdminState.MAINT));
  }

  private int ready(Track track) {
    return (int)
        balancer.desired().entrySet().stream()
            .filter(e -> e.getKey().track() == track)
            .filter(e -> e.getValue().state() == ServerAdminState.READY)
            .count();
  }
}
