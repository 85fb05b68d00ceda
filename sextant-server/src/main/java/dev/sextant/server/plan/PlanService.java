package dev.sextant.server.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.api.ProblemKind;
import dev.sextant.core.access.Permission;
import dev.sextant.core.access.Role;
import dev.sextant.core.approval.Approval;
import dev.sextant.core.approval.ApprovalRefusal;
import dev.sextant.core.approval.ApprovalRule;
import dev.sextant.core.approval.FourEyes;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.document.Limits;
import dev.sextant.core.plan.Plan;
import dev.sextant.core.plan.PlanInputException;
import dev.sextant.core.plan.PlanJson;
import dev.sextant.core.plan.Planner;
import dev.sextant.core.plan.TargetPlan;
import dev.sextant.core.plan.Verdict;
import dev.sextant.core.policy.PolicyContext;
import dev.sextant.core.policy.PolicyRequest;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.ResourceParser;
import dev.sextant.server.access.AccessRefusal;
import dev.sextant.server.access.Principal;
import dev.sextant.server.discovery.DiscoveryService;
import dev.sextant.server.discovery.DriftWatch;
import dev.sextant.server.service.ResourceService;
import dev.sextant.server.store.ApprovalRefused;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.FingerprintRevision;
import dev.sextant.server.store.PlanApproved;
import dev.sextant.server.store.PlanInputs;
import dev.sextant.server.store.PlanSubmitted;
import dev.sextant.server.store.Revision;
import dev.sextant.server.store.StoredApproval;
import dev.sextant.server.store.StoredPlan;
import dev.sextant.server.trust.TrustStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans for deploying one release to one environment, made on the server from what it stores and
 * kept with their digest, and their approvals. An approval is of the digest the approver read; it
 * is recorded only when that is the plan's digest made again from today's inputs, so an approval
 * never covers a plan whose release, fingerprint or policies changed since.
 */
public final class PlanService {
  /** How long an approval counts when the server is not told otherwise. */
  public static final Duration APPROVAL_VALIDITY = Duration.ofHours(24);

  private final Database database;
  private final ResourceService resources;
  private final DiscoveryService discovery;
  private final DriftWatch drift;
  private final Validators validators;
  private final Clock clock;
  private final Duration approvalValidity;

  public PlanService(
      Database database,
      ResourceService resources,
      DiscoveryService discovery,
      DriftWatch drift,
      Validators validators,
      Clock clock,
      Duration approvalValidity) {
    this.database = database;
    this.resources = resources;
    this.discovery = discovery;
    this.drift = drift;
    this.validators = validators;
    this.clock = clock;
    this.approvalValidity = approvalValidity;
  }

  /**
   * Plans the latest revision of a Release in a declared Environment for {@code by}, and keeps the
   * plan.
   *
   * @throws AccessRefusal forbidden unless {@code by} may deploy there; not found for an unknown
   *     release or environment
   * @throws InvalidInputException when a stored resource the plan reads no longer validates
   */
  public PlanView submit(Principal by, String release, String environment) {
    Revision environmentRevision = environment(environment);
    by.require(Permission.DEPLOY, environment, environmentRevision.labels());
    Revision releaseRevision =
        resources
            .latest(new ResourceKey(Kind.RELEASE, release))
            .orElseThrow(
                () ->
                    new AccessRefusal(
                        ProblemKind.NOT_FOUND,
                        "release "
                            + release
                            + " is not stored ('sextant get releases' lists them)"));
    PlanMaterial material = latest(releaseRevision, environmentRevision, by.name());
    Plan plan = plan(material);
    PlanInputs inputs = material.inputs();
    TargetPlan target = plan.releases().get(0).targets().get(0);
    ObjectNode document = PlanJson.write(plan);
    StoredPlan stored =
        database.write(
            "submit a plan of " + release + " in " + environment,
            tx -> {
              StoredPlan added =
                  tx.plans()
                      .add(
                          release,
                          releaseRevision.number(),
                          environment,
                          plan.digest(),
                          target.verdict().label(),
                          by.name(),
                          document,
                          inputs);
              tx.events()
                  .append(
                      new PlanSubmitted(
                          added.name(),
                          release,
                          releaseRevision.number(),
                          environment,
                          added.digest(),
                          added.verdict(),
                          target.verdict() == Verdict.COMPATIBLE
                              ? Optional.empty()
                              : Optional.of(target.reason()),
                          by.name(),
                          inputs.digests()));
              return added;
            });
    return view(stored, List.of());
  }

  /**
   * @throws AccessRefusal not found
   */
  public PlanView plan(long id) {
    return database.read(
        "read plan " + id,
        tx -> {
          StoredPlan plan = tx.plans().find(id).orElseThrow(() -> unknown(id));
          return view(plan, tx.plans().approvals(id));
        });
  }

  /** The last plans, newest first. */
  public List<PlanView> plans(int limit) {
    return database.read(
        "list plans",
        tx ->
            tx.plans().list(limit).stream()
                .map(p -> view(p, tx.plans().approvals(p.id())))
                .toList());
  }

  /**
   * Approves the plan as {@code by} read it. Approving again what one approved already changes
   * nothing.
   *
   * @param digest the digest of the plan {@code by} read and approves
   * @throws AccessRefusal forbidden for the requester, an identity that may not approve in the
   *     plan's environment, or one the policies do not name; conflict for a plan that changed since
   *     it was read, or that needs no approval; each after recording the refusal
   */
  public PlanView approve(Principal by, long id, Digest digest) {
    PlanView current = plan(id);
    StoredPlan stored = current.plan();
    Revision environment = environment(stored.environment());
    Set<Role> roles = by.grants().rolesIn(environment.labels());
    Instant now = clock.instant();
    boolean again =
        current.approvals().stream()
            .anyMatch(
                a ->
                    a.approver().equals(by.name())
                        && a.digest().equals(digest)
                        && now.isBefore(a.expires()));
    if (again && digest.equals(stored.digest())) {
      return current;
    }
    if (current.state() == PlanView.State.REFUSED) {
      throw refused(
          stored,
          by,
          ProblemKind.CONFLICT,
          stored.name()
              + " is "
              + stored.verdict()
              + ": no approval lets it be deployed; change what its plan refuses and submit it"
              + " again");
    }
    Digest today = replanned(stored);
    Optional<ApprovalRefusal> refusal =
        FourEyes.refuse(
            stored.requestedBy(),
            by.name(),
            roles,
            digest,
            today,
            current.rules(),
            approvals(current.approvals()),
            now);
    if (refusal.isPresent()) {
      String message =
          refusal.get().reason() == ApprovalRefusal.Reason.CHANGED_PLAN
                  && !today.equals(stored.digest())
              ? "the plan's inputs changed since "
                  + stored.name()
                  + " was made (its release, the environment's fingerprint or the policies):"
                  + " submit it again and approve the new plan"
              : refusal.get().message();
      throw refused(
          stored,
          by,
          refusal.get().reason().kind() == ApprovalRefusal.Kind.FORBIDDEN
              ? ProblemKind.FORBIDDEN
              : ProblemKind.CONFLICT,
          message);
    }
    Instant expires = now.plus(approvalValidity);
    return database.write(
        "approve " + stored.name(),
        tx -> {
          tx.plans().approve(id, by.name(), digest, roles, expires);
          PlanView after = view(stored, tx.plans().approvals(id));
          tx.events()
              .append(
                  new PlanApproved(
                      stored.name(),
                      by.name(),
                      digest,
                      expires,
                      after.state() == PlanView.State.APPROVED));
          return after;
        });
  }

  /** Records an approval refused, and gives the refusal to throw. */
  private AccessRefusal refused(StoredPlan plan, Principal by, ProblemKind kind, String message) {
    database.write(
        "refuse an approval of " + plan.name(),
        tx -> {
          tx.events().append(new ApprovalRefused(plan.name(), by.name(), message));
          return null;
        });
    return new AccessRefusal(kind, message);
  }

  /**
   * Whether the plan made again from today's stored inputs has the stored plan's digest: its
   * release, the environment's fingerprint and the policies are as they were.
   *
   * @throws AccessRefusal not found
   */
  public boolean unchanged(long id) {
    StoredPlan stored = plan(id).plan();
    return replanned(stored).equals(stored.digest());
  }

  /** The plan made again, from today's stored inputs, for the one who asked for it. */
  private Digest replanned(StoredPlan stored) {
    Revision latest =
        resources
            .latest(new ResourceKey(Kind.RELEASE, stored.release()))
            .orElseThrow(() -> unknown(stored.id()));
    return plan(latest(latest, environment(stored.environment()), stored.requestedBy())).digest();
  }

  /** What a plan of this release in this environment reads today. */
  private PlanMaterial latest(Revision release, Revision environment, String requester) {
    String name = environment.key().name();
    Optional<FingerprintRevision> fingerprint = discovery.latest(name);
    return new PlanMaterial(
        release,
        environment,
        fingerprint,
        fingerprint.isPresent() && drift.blocked(name),
        resources.list(Optional.of(Kind.POLICY), ""),
        resources.list(Optional.of(Kind.ENVIRONMENT), ""),
        resources.list(Optional.of(Kind.RELEASE), ""),
        database.read("read the trusted keys", TrustStore::active),
        requester,
        clock.instant());
  }

  /**
   * The plan made from this material by the planner and the validators of this server.
   *
   * @throws AccessRefusal invalid when the release cannot be planned
   * @throws InvalidInputException when a resource read no longer validates
   */
  Plan plan(PlanMaterial material) {
    ResourceParser parser = new ResourceParser(Limits.DEFAULT, validators);
    Revision release = material.release();
    Resource planned = parsed(parser, release).get(0);
    List<Resource> policies = parsed(parser, material.policies());
    List<Resource> environments = parsed(parser, material.environments());
    List<Resource> inPlace = parsed(parser, material.releases());
    PolicyContext governance =
        PolicyContext.of(
                policies,
                environments,
                new PolicyRequest(material.requester(), "deploy", material.at()))
            .trusting(TrustStore.of(material.trustedKeys()));
    try {
      return new Planner(validators)
          .plan(List.of(planned), List.of(material.target()), inPlace, governance);
    } catch (PlanInputException e) {
      throw new AccessRefusal(
          ProblemKind.INVALID,
          "release "
              + release.key().name()
              + " cannot be planned: "
              + e.issues().stream().map(PlanInputException.Issue::message).toList());
    }
  }

  private static List<Resource> parsed(ResourceParser parser, Revision revision) {
    return parsed(parser, List.of(revision));
  }

  /** Stored resources read as today's checks read them; one that no longer validates is named. */
  private static List<Resource> parsed(ResourceParser parser, List<Revision> revisions) {
    List<Resource> out = new ArrayList<>();
    for (Revision revision : revisions) {
      ParseReport report =
          parser.parse(
              "store:" + revision.key(),
              revision.document().toString().getBytes(StandardCharsets.UTF_8));
      if (!report.ok()) {
        throw new InvalidInputException(report.problems());
      }
      out.addAll(report.resources());
    }
    return out;
  }

  private Revision environment(String name) {
    return resources
        .latest(new ResourceKey(Kind.ENVIRONMENT, name))
        .orElseThrow(
            () ->
                new AccessRefusal(
                    ProblemKind.NOT_FOUND,
                    "environment "
                        + name
                        + " is not declared ('sextant get environments' lists them)"));
  }

  private PlanView view(StoredPlan plan, List<StoredApproval> approvals) {
    List<ApprovalRule> rules = rules(plan.document());
    return new PlanView(
        plan,
        rules,
        approvals,
        FourEyes.status(
            plan.requestedBy(), rules, plan.digest(), approvals(approvals), clock.instant()));
  }

  private static List<Approval> approvals(List<StoredApproval> stored) {
    return stored.stream()
        .map(a -> new Approval(a.approver(), a.roles(), a.digest(), a.approved(), a.expires()))
        .toList();
  }

  /** What the plan's violated requireApproval policies ask, from its stored JSON. */
  private static List<ApprovalRule> rules(ObjectNode document) {
    List<ApprovalRule> rules = new ArrayList<>();
    for (JsonNode policy :
        document.path("releases").path(0).path("targets").path(0).path("policies")) {
      if (policy.path("effect").asText().equals("requireApproval")
          && policy.path("status").asText().equals("violated")) {
        List<String> approvers = new ArrayList<>();
        policy.path("approvers").forEach(a -> approvers.add(a.asText()));
        rules.add(
            new ApprovalRule(
                policy.path("name").asText(), approvers, policy.path("approvals").asInt(1)));
      }
    }
    return rules;
  }

  private static AccessRefusal unknown(long id) {
    return new AccessRefusal(
        ProblemKind.NOT_FOUND,
        "no plan " + StoredPlan.PREFIX + id + " ('sextant plan list' shows the last ones)");
  }
}
