package dev.sextant.server.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.api.ProblemKind;
import dev.sextant.core.access.Permission;
import dev.sextant.core.access.Role;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.resource.spec.EnvironmentSpec;
import dev.sextant.core.resource.spec.ReleaseSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.core.resource.spec.Variant;
import dev.sextant.core.rollout.Phase;
import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.access.AccessRefusal;
import dev.sextant.server.access.Principal;
import dev.sextant.server.plan.PlanService;
import dev.sextant.server.plan.PlanView;
import dev.sextant.server.rollout.DeployTarget;
import dev.sextant.server.rollout.RolloutEngine;
import dev.sextant.server.rollout.RolloutRefusal;
import dev.sextant.server.service.ResourceService;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.DeploymentStarted;
import dev.sextant.server.store.PlanInputs;
import dev.sextant.server.store.RecordedRolloutEvent;
import dev.sextant.server.store.Revision;
import dev.sextant.server.store.StoredDeployment;
import dev.sextant.server.store.StoredPlan;
import dev.sextant.server.store.StoredRollout;
import dev.sextant.server.store.Transaction;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Deploying a release: it is planned first (policies, approvals and drift as the plan says), then
 * rolled out under the lock of its service in the environment, by the release's strategy (else the
 * environment's). The first deployment of a service has nothing to compare a canary with and goes
 * straight to all traffic, as Argo Rollouts does. Also the operator's verbs on a rollout, and the
 * undo of a service back to the revision before the one serving.
 */
public final class Deployments {
  /** The strategy of a first deployment, and of one whose release and environment name none. */
  static final ObjectNode STRAIGHT = straight();

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database database;
  private final ResourceService resources;
  private final PlanService plans;
  private final RolloutEngine engine;
  private final DeployTarget target;
  private final Clock clock;

  public Deployments(
      Database database,
      ResourceService resources,
      PlanService plans,
      RolloutEngine engine,
      DeployTarget target,
      Clock clock) {
    this.database = database;
    this.resources = resources;
    this.plans = plans;
    this.engine = engine;
    this.target = target;
    this.clock = clock;
  }

  /**
   * Plans the release in the environment and, when the plan allows it, starts its rollout.
   *
   * @param planName an approved plan to deploy; empty to plan now
   * @throws AccessRefusal forbidden without deploy there; not found for an unknown release,
   *     environment or plan; conflict when the plan refuses, awaits approval or changed since
   * @throws RolloutRefusal conflict when another rollout holds the lock, or the target cannot run
   *     the chosen variant
   */
  public RolloutView deploy(
      Principal by, String release, String environment, Optional<String> planName) {
    PlanView plan =
        planName.isPresent() ? approved(by, release, environment, planName.get()) : null;
    if (plan == null) {
      plan = plans.submit(by, release, environment);
    }
    return rollOut(by, plan, release, environment);
  }

  /** Starts the rollout a plan allows, or says why it does not. */
  RolloutView rollOut(Principal by, PlanView plan, String release, String environment) {
    StoredPlan stored = plan.plan();
    JsonNode target0 = stored.document().path("releases").path(0).path("targets").path(0);
    switch (plan.state()) {
      case REFUSED ->
          throw new AccessRefusal(
              ProblemKind.CONFLICT,
              release
                  + " cannot be deployed to "
                  + environment
                  + ": "
                  + stored.verdict()
                  + ": "
                  + target0.path("reason").asText()
                  + " ("
                  + stored.name()
                  + ")");
      case AWAITING_APPROVAL ->
          throw new AccessRefusal(
              ProblemKind.CONFLICT,
              stored.name()
                  + " awaits approval before "
                  + release
                  + " can be deployed to "
                  + environment
                  + ": once another person has run `sextant approve "
                  + stored.name()
                  + "`, run `sextant deploy "
                  + release
                  + " --environment "
                  + environment
                  + " --plan "
                  + stored.name()
                  + "`");
      case APPROVED -> {
        // deployable
      }
    }
    String variantName = target0.path("variant").asText();
    Revision releaseRevision =
        resources
            .revision(new ResourceKey(Kind.RELEASE, release), stored.releaseRevision())
            .orElseThrow();
    ReleaseSpec spec =
        (ReleaseSpec) Specs.read(Kind.RELEASE, releaseRevision.document().path("spec"));
    Variant variant =
        spec.variants().stream()
            .filter(v -> v.name().equals(variantName))
            .findFirst()
            .orElseThrow();
    target.check(variant);
    RevisionRef revision = new RevisionRef(release, releaseRevision.number(), variantName);
    return start(
        by,
        spec.service(),
        environment,
        revision,
        variant.run().map(r -> r.instances()).orElse(1),
        strategy(spec.strategy(), environment),
        Optional.of(stored.name()),
        inputs(stored, releaseRevision, variant));
  }

  /**
   * The digests a {@code deployment.started} entry carries: the plan, the release revision, the
   * fingerprint and policy set it was planned on (for a plan that recorded them), the artifact.
   */
  private static SortedMap<String, Digest> inputs(
      StoredPlan plan, Revision release, Variant variant) {
    SortedMap<String, Digest> inputs = new TreeMap<>();
    plan.inputs()
        .ifPresent(
            recorded -> {
              inputs.putAll(recorded.digests());
              inputs.remove(PlanInputs.ENVIRONMENT);
            });
    inputs.put("plan", plan.digest());
    inputs.put(PlanInputs.RELEASE, release.digest());
    inputs.put("artifact", variant.artifact().digest());
    return inputs;
  }

  /**
   * Takes the service in the environment back to the revision that served before the one serving
   * now, skipping every step and analysis. A running rollout of it is undone instead.
   *
   * @param force go back even to a revision a failed rollout marked bad
   * @throws RolloutRefusal not found when the service was never deployed there; conflict when there
   *     is nothing before, or it is marked bad and not forced
   */
  public RolloutView undo(Principal by, String environment, String service, boolean force) {
    by.require(Permission.DEPLOY, environment, environmentLabels(environment));
    List<StoredRollout> history =
        database.read(
            "list rollouts of " + service,
            tx -> tx.rollouts().list(Optional.of(service), Optional.of(environment), 1000));
    if (history.isEmpty()) {
      throw new RolloutRefusal(
          ProblemKind.NOT_FOUND,
          service + " was never deployed to " + environment + ": there is nothing to undo");
    }
    StoredRollout latest = history.get(0);
    if (!Phase.valueOf(latest.phase().toUpperCase(Locale.ROOT).replace('-', '_')).terminal()) {
      return act(by, latest.id(), "undo", Optional.empty());
    }
    StoredRollout serving =
        history.stream()
            .filter(r -> r.phase().equals("succeeded"))
            .findFirst()
            .orElseThrow(
                () ->
                    new RolloutRefusal(
                        ProblemKind.CONFLICT,
                        "no rollout of "
                            + service
                            + " in "
                            + environment
                            + " completed: there is no good revision to go back to"));
    String back = serving.stableRevision();
    if (back.isEmpty()) {
      throw new RolloutRefusal(
          ProblemKind.CONFLICT,
          serving.canaryRevision()
              + " is the first revision of "
              + service
              + " deployed to "
              + environment
              + ": there is none before it to go back to");
    }
    Optional<String> mark =
        database.read(
            "read the mark of " + back, tx -> tx.deployments().markOf(environment, service, back));
    if (mark.equals(Optional.of("bad")) && !force) {
      throw new RolloutRefusal(
          ProblemKind.CONFLICT,
          back
              + " is marked bad in "
              + environment
              + " (a rollout of it failed): undo refuses it; run `sextant rollout undo "
              + service
              + " --environment "
              + environment
              + " --force` to go back to it anyway");
    }
    return act(by, serving.id(), "undo", Optional.empty());
  }

  /**
   * An operator's verb on a rollout: pause, resume, abort, promote, retry or undo.
   *
   * @throws RolloutRefusal not found; conflict when its state refuses the verb
   */
  public RolloutView act(Principal by, String id, String verb, Optional<String> reason) {
    StoredRollout stored = stored(id);
    by.require(Permission.DEPLOY, stored.environment(), environmentLabels(stored.environment()));
    Instant now = clock.instant();
    RolloutEvent event =
        switch (verb) {
          case "pause" -> new RolloutEvent.Pause(now, by.name());
          case "resume" -> new RolloutEvent.Resume(now, by.name());
          case "abort" ->
              new RolloutEvent.Abort(now, by.name(), reason.orElse("aborted by " + by.name()));
          case "promote" -> new RolloutEvent.Promote(now, by.name());
          case "retry" -> new RolloutEvent.Retry(now, by.name());
          case "undo" -> new RolloutEvent.Undo(now, by.name());
          default -> throw new IllegalArgumentException("no rollout verb " + verb);
        };
    engine.deliver(id, event);
    return view(id);
  }

  /**
   * Approves the rollout's approval step, as {@code by}. Four eyes: whoever started the rollout
   * cannot approve it; and when the step names its approvers, only they can: by name, or by a role
   * they hold in the rollout's environment ({@code role:approver}).
   *
   * @throws AccessRefusal forbidden without approve in the rollout's environment, or for the one
   *     who started it
   * @throws RolloutRefusal not found; conflict when it awaits no approval, or not this approver's
   */
  public RolloutView approve(Principal by, String id) {
    StoredRollout stored = stored(id);
    by.require(Permission.APPROVE, stored.environment(), environmentLabels(stored.environment()));
    if (by.name().equals(stored.createdBy())) {
      throw new AccessRefusal(
          ProblemKind.FORBIDDEN, "you started rollout " + id + "; another person must approve it");
    }
    Set<String> roles =
        by.grants().rolesIn(environmentLabels(stored.environment())).stream()
            .map(Role::label)
            .collect(Collectors.toSet());
    engine.deliver(id, new RolloutEvent.Approved(clock.instant(), by.name(), roles));
    return view(id);
  }

  /** The newest rollouts first. */
  public List<RolloutView> list(Optional<String> service, Optional<String> environment, int limit) {
    return database
        .read("list rollouts", tx -> tx.rollouts().list(service, environment, limit))
        .stream()
        .map(r -> view(r.id()))
        .toList();
  }

  /**
   * @throws RolloutRefusal not found
   */
  public RolloutView view(String id) {
    StoredRollout stored = stored(id);
    RolloutState state = engine.state(id);
    return database.read(
        "read rollout " + id,
        tx -> {
          List<RecordedRolloutEvent> events = tx.rollouts().history(id);
          return new RolloutView(
              stored,
              state,
              tx.deployments().of(id),
              tx.deployments().measurements(id),
              tx.deployments().judgements(id),
              events.isEmpty() ? stored.created() : events.get(events.size() - 1).recorded(),
              !tx.rollouts().hasPending(id),
              target.view(stored));
        });
  }

  /** The events the rollout took, with when. */
  public List<RecordedRolloutEvent> history(String id) {
    stored(id);
    return database.read("read the history of rollout " + id, tx -> tx.rollouts().history(id));
  }

  /** Its state after each of its events, in order. */
  public List<RolloutState> path(String id) {
    return engine.path(id);
  }

  /** The last lines of its instances' logs. */
  public String logs(String id, Optional<String> instance, int tail) {
    return target.logs(stored(id), instance, tail);
  }

  /** The rollouts of an environment, newest first. */
  List<StoredRollout> rolloutsIn(String environment) {
    return database.read(
        "list rollouts in " + environment,
        tx -> tx.rollouts().list(Optional.empty(), Optional.of(environment), 1000));
  }

  /** What a rollout deploys. */
  Optional<StoredDeployment> deploymentOf(String rollout) {
    return database.read("read the deployment of " + rollout, tx -> tx.deployments().of(rollout));
  }

  /** The environment a rollout deploys to. */
  public String environmentOf(String id) {
    return stored(id).environment();
  }

  private RolloutView start(
      Principal by,
      String service,
      String environment,
      RevisionRef revision,
      int instances,
      ObjectNode strategy,
      Optional<String> plan,
      SortedMap<String, Digest> inputs) {
    String id = "ro-" + HexFormat.of().formatHex(bytes());
    String stable = serving(service, environment);
    ObjectNode followed = stable.isEmpty() ? STRAIGHT : strategy;
    engine.start(
        id,
        service,
        environment,
        new Revisions(stable, revision.text()),
        instances,
        followed,
        by.name(),
        tx -> lock(tx, id, service, environment, revision, plan, inputs, by));
    return view(id);
  }

  private static byte[] bytes() {
    byte[] bytes = new byte[5];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static void lock(
      Transaction tx,
      String id,
      String service,
      String environment,
      RevisionRef revision,
      Optional<String> plan,
      SortedMap<String, Digest> inputs,
      Principal by) {
    Optional<String> holder = tx.deployments().lock(environment, service, id);
    if (holder.isPresent()) {
      throw new RolloutRefusal(
          ProblemKind.CONFLICT,
          "rollout "
              + holder.get()
              + " of "
              + service
              + " is running in "
              + environment
              + ": one rollout at a time; wait for it, or abort it (`sextant rollout abort "
              + holder.get()
              + "`)");
    }
    tx.deployments()
        .add(
            new StoredDeployment(
                id, revision.release(), revision.number(), revision.variant(), plan));
    tx.events()
        .append(
            new DeploymentStarted(
                id,
                service,
                environment,
                revision.release(),
                revision.number(),
                revision.variant(),
                plan,
                by.name(),
                inputs));
  }

  /**
   * The revision serving the service in the environment: the last finished rollout's canary when it
   * succeeded, else its stable one; none before the first.
   */
  private String serving(String service, String environment) {
    return database
        .read(
            "list rollouts of " + service,
            tx -> tx.rollouts().list(Optional.of(service), Optional.of(environment), 1))
        .stream()
        .findFirst()
        .map(r -> r.phase().equals("succeeded") ? r.canaryRevision() : r.stableRevision())
        .orElse("");
  }

  /** The release's Strategy, else the environment's, else {@link #STRAIGHT}. */
  private ObjectNode strategy(Optional<String> named, String environment) {
    Optional<String> name =
        named.or(
            () ->
                resources
                    .latest(new ResourceKey(Kind.ENVIRONMENT, environment))
                    .flatMap(
                        r ->
                            ((EnvironmentSpec)
                                    Specs.read(Kind.ENVIRONMENT, r.document().path("spec")))
                                .strategy()));
    if (name.isEmpty()) {
      return STRAIGHT;
    }
    return (ObjectNode)
        resources
            .latest(new ResourceKey(Kind.STRATEGY, name.get()))
            .orElseThrow(
                () ->
                    new RolloutRefusal(
                        ProblemKind.CONFLICT,
                        "strategy "
                            + name.get()
                            + " is not stored: apply it first ('sextant get strategies' lists"
                            + " them)"))
            .document()
            .path("spec");
  }

  private PlanView approved(Principal by, String release, String environment, String name) {
    PlanView plan = plans.plan(planNumber(name));
    StoredPlan stored = plan.plan();
    if (!stored.release().equals(release) || !stored.environment().equals(environment)) {
      throw new AccessRefusal(
          ProblemKind.CONFLICT,
          stored.name()
              + " plans "
              + stored.release()
              + " in "
              + stored.environment()
              + ", not "
              + release
              + " in "
              + environment);
    }
    if (!plans.unchanged(stored.id())) {
      throw new AccessRefusal(
          ProblemKind.CONFLICT,
          "the inputs of "
              + stored.name()
              + " changed since it was made (its release, the environment's fingerprint or the"
              + " policies): deploy without --plan to plan again");
    }
    return plan;
  }

  /**
   * The number of a plan's name, {@code plan-7} or {@code 7}.
   *
   * @throws AccessRefusal not found for a text that names no plan
   */
  private static long planNumber(String name) {
    String digits =
        name.startsWith(StoredPlan.PREFIX) ? name.substring(StoredPlan.PREFIX.length()) : name;
    try {
      long number = Long.parseLong(digits);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // not a number: named below
    }
    throw new AccessRefusal(
        ProblemKind.NOT_FOUND, "no plan " + name + " (plans are named plan-N, e.g. plan-3)");
  }

  private Map<String, String> environmentLabels(String environment) {
    return resources
        .latest(new ResourceKey(Kind.ENVIRONMENT, environment))
        .map(Revision::labels)
        .orElseThrow(
            () ->
                new AccessRefusal(
                    ProblemKind.NOT_FOUND,
                    "environment "
                        + environment
                        + " is not declared ('sextant get environments' lists them)"));
  }

  private StoredRollout stored(String id) {
    return database
        .read("read rollout " + id, tx -> tx.rollouts().find(id))
        .orElseThrow(
            () ->
                new RolloutRefusal(
                    ProblemKind.NOT_FOUND,
                    "no rollout " + id + " ('sextant rollout list' shows the last ones)"));
  }

  private static ObjectNode straight() {
    ObjectNode strategy = JsonNodeFactory.instance.objectNode();
    strategy.putObject("canary").putArray("steps").addObject().putObject("promote");
    return strategy;
  }
}
