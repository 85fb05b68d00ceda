package dev.sextant.core.plan;

import dev.sextant.core.compat.Validators;
import dev.sextant.core.policy.PolicyContext;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Makes plans: a pure function of the releases, the environments' facts, the releases already in
 * place, and the validators. The only effect it can cause is through its {@link CheckExecutor}, and
 * only when deep checks are asked for.
 */
public final class Planner {
  /** Below this many environments, planning them one after another is cheaper than forking. */
  private static final int PARALLEL_FROM = 64;

  private final Validators validators;
  private final TargetPlanner targets;

  /**
   * @param deep whether to run tier 2's deep checks where the executor reaches
   */
  public Planner(Validators validators, CheckExecutor executor, boolean deep) {
    this.validators = Objects.requireNonNull(validators, "validators");
    this.targets = new TargetPlanner(Objects.requireNonNull(executor, "executor"), deep);
  }

  /** A planner with these validators that runs no deep checks. */
  public Planner(Validators validators) {
    this(validators, CheckExecutor.NONE, false);
  }

  /**
   * Plans every release in every target.
   *
   * @param releases the Release resources to plan
   * @param targets the environments, each named once
   * @param inPlace the Releases of other services that consumers and providers of these will run
   *     with (the latest of each service); releases of a planned service are replaced by it
   * @throws PlanInputException for requirements, parameters or dependencies that cannot be used,
   *     all of them at once
   */
  public Plan plan(List<Resource> releases, List<Target> targets, List<Resource> inPlace) {
    return plan(releases, targets, inPlace, PolicyContext.NONE);
  }

  /**
   * Plans every release in every target, and evaluates in each the Policies that apply there: a
   * policy can deny a release that fits, or ask for an approval first.
   *
   * @see #plan(List, List, List)
   */
  public Plan plan(
      List<Resource> releases,
      List<Target> targets,
      List<Resource> inPlace,
      PolicyContext policies) {
    checkInputs(releases, targets);
    List<PreparedRelease> prepared = prepareAll(releases);
    Dependencies dependencies = Dependencies.resolve(prepared, inPlace);
    List<Target> ordered =
        targets.stream().sorted(Comparator.comparing(Target::environment)).toList();
    List<ReleasePlan> plans = new ArrayList<>();
    for (PreparedRelease release : dependencies.order()) {
      List<String> refusals = dependencies.refusals(release);
      var stream = ordered.size() >= PARALLEL_FROM ? ordered.parallelStream() : ordered.stream();
      List<TargetPlan> planned =
          stream.map(t -> this.targets.plan(release, t, refusals, policies)).toList();
      plans.add(
          new ReleasePlan(
              release.resource().name(),
              release.spec().service(),
              release.spec().version(),
              release.resource().digest(),
              dependencies.of(release),
              refusals,
              planned));
    }
    List<Plan.Environment> environments =
        ordered.stream()
            .map(t -> new Plan.Environment(t.environment(), t.origin(), t.digest()))
            .toList();
    List<Plan.ValidatorUse> used =
        validators.all().stream()
            .map(
                v ->
                    new Plan.ValidatorUse(
                        v.rule(), v.getClass().getName(), v.summary(), v.source()))
            .toList();
    return new Plan(environments, used, plans);
  }

  /**
   * What {@link #plan} would refuse in this release before considering any environment: each
   * requirement and parameter that cannot be used. Empty when the release can be planned.
   */
  public List<PlanInputException.Issue> check(Resource release) {
    try {
      PreparedRelease.prepare(release, validators);
      return List.of();
    } catch (PlanInputException e) {
      return e.issues();
    }
  }

  private List<PreparedRelease> prepareAll(List<Resource> releases) {
    List<PlanInputException.Issue> issues = new ArrayList<>();
    List<PreparedRelease> prepared = new ArrayList<>();
    for (Resource release : releases) {
      try {
        prepared.add(PreparedRelease.prepare(release, validators));
      } catch (PlanInputException e) {
        issues.addAll(e.issues());
      }
    }
    if (!issues.isEmpty()) {
      throw new PlanInputException(issues);
    }
    return prepared;
  }

  private static void checkInputs(List<Resource> releases, List<Target> targets) {
    if (releases.isEmpty()) {
      throw new IllegalArgumentException("nothing to plan: no releases");
    }
    for (Resource release : releases) {
      if (release.kind() != Kind.RELEASE) {
        throw new IllegalArgumentException(release.key() + " is not a Release");
      }
    }
    Set<String> names = new HashSet<>();
    for (Target target : targets) {
      if (!names.add(target.environment())) {
        throw new IllegalArgumentException("two targets are named " + target.environment());
      }
    }
  }
}
