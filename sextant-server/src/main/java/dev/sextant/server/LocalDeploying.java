package dev.sextant.server;

import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import dev.sextant.core.resource.spec.ReleaseSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.core.resource.spec.Variant;
import dev.sextant.server.analysis.RolloutSources;
import dev.sextant.server.analysis.ScrapeProvider;
import dev.sextant.server.deploy.Confirmations;
import dev.sextant.server.deploy.DeployHooks;
import dev.sextant.server.deploy.Deploying;
import dev.sextant.server.deploy.Deployments;
import dev.sextant.server.deploy.MeasurementRecorder;
import dev.sextant.server.deploy.RevisionRef;
import dev.sextant.server.deploy.RolloutWatchers;
import dev.sextant.server.rollout.RolloutEngine;
import dev.sextant.server.rollout.RolloutWork;
import dev.sextant.server.rollout.analysis.RolloutAnalyses;
import dev.sextant.server.secret.Secrets;
import dev.sextant.server.service.ResourceService;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.StoredRollout;
import dev.sextant.server.targets.local.ArtifactCache;
import dev.sextant.server.targets.local.LocalRuns;
import dev.sextant.server.targets.local.LocalTargets;
import dev.sextant.server.work.OneTimeWork;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A server's deploying side on the local target: rollouts driven by the engine, their timers and
 * analysis ticks on the server's background work, their commands carried out on this host's
 * instances behind HAProxy, their measurements stored.
 */
final class LocalDeploying {
  final Deploying deploying;
  final Confirmations confirmations;
  final RolloutWork timers;
  final RolloutAnalyses analyses;

  private LocalDeploying(
      Deploying deploying,
      Confirmations confirmations,
      RolloutWork timers,
      RolloutAnalyses analyses) {
    this.deploying = deploying;
    this.confirmations = confirmations;
    this.timers = timers;
    this.analyses = analyses;
  }

  /**
   * @param home where instances' logs, HAProxy's files and the artifact cache go
   */
  static LocalDeploying on(
      Services services, Path home, Clock clock, PrometheusSetting prometheusSetting) {
    Database database = services.database();
    ResourceService resources = services.resources();
    RolloutWatchers watchers = new RolloutWatchers();
    Confirmations confirmations = new Confirmations();
    Secrets secrets = new Secrets(System.getenv());
    Prometheus prometheus = Prometheus.of(prometheusSetting, home.resolve("prometheus"));
    LocalTargets local =
        new LocalTargets(
            home,
            id -> rollout(database, id),
            text -> variant(resources, text),
            new LocalRuns(ArtifactCache.in(home.resolve("artifacts")), secrets, home),
            confirmations,
            clock,
            prometheus.targets(),
            prometheus);
    HttpClient client = ScrapeProvider.client();
    RolloutAnalyses analyses =
        new RolloutAnalyses(
            local,
            name -> template(resources, name),
            rollout ->
                new RolloutSources(
                    local.of(rollout),
                    local.instances(rollout),
                    prometheus.address(),
                    secrets,
                    client,
                    clock),
            local,
            clock,
            new MeasurementRecorder(database, watchers, services.metrics()));
    RolloutWork timers = new RolloutWork();
    RolloutEngine engine =
        new RolloutEngine(
            database,
            analyses,
            timers,
            clock,
            new DeployHooks(watchers, services.metrics(), clock));
    confirmations.to(engine);
    Deployments deployments =
        new Deployments(database, resources, services.plans(), engine, local, clock);
    return new LocalDeploying(
        new Deploying(deployments, watchers, engine, local), confirmations, timers, analyses);
  }

  /** The one-time works to give the server's background work. */
  List<OneTimeWork> works() {
    return Stream.of(timers.works(), analyses.works()).flatMap(List::stream).toList();
  }

  private static StoredRollout rollout(Database database, String id) {
    return database
        .read("read rollout " + id, tx -> tx.rollouts().find(id))
        .orElseThrow(() -> new IllegalStateException("no rollout " + id));
  }

  private static Variant variant(ResourceService resources, String text) {
    RevisionRef ref =
        RevisionRef.parse(text)
            .orElseThrow(() -> new IllegalArgumentException("no revision runs as nothing"));
    ReleaseSpec spec =
        (ReleaseSpec)
            Specs.read(
                Kind.RELEASE,
                resources
                    .revision(new ResourceKey(Kind.RELEASE, ref.release()), ref.number())
                    .orElseThrow(
                        () -> new IllegalStateException("release revision " + text + " is gone"))
                    .document()
                    .path("spec"));
    return spec.variants().stream()
        .filter(v -> v.name().equals(ref.variant()))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no variant " + ref.variant() + " in " + text));
  }

  private static Optional<AnalysisTemplateSpec> template(ResourceService resources, String name) {
    return resources
        .latest(new ResourceKey(Kind.ANALYSIS_TEMPLATE, name))
        .map(
            r ->
                (AnalysisTemplateSpec)
                    Specs.read(Kind.ANALYSIS_TEMPLATE, r.document().path("spec")));
  }
}
