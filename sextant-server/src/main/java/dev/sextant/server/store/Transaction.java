package dev.sextant.server.store;

import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * One unit of work: the repositories, all bound to the same database transaction, so that a service
 * changes resources, fingerprints, agents, drift reports, identities, plans and events together or
 * not at all. Given by {@link Database#write} and {@link Database#read}; valid only inside that
 * call.
 *
 * <p>It also holds the outbox's rule: a unit of work that changes state must append an event in the
 * same transaction ({@link #requireEventForChanges(String)}), so nothing changes without a record.
 */
public final class Transaction {
  private final Handle handle;
  private final Instant now;
  private final boolean retrying;
  private final boolean readOnly;
  private final ResourceRepository resources;
  private final FingerprintRepository fingerprints;
  private final AgentRepository agents;
  private final DriftReportRepository driftReports;
  private final EventRepository events;
  private final AccessRepository access;
  private final PlanRepository plans;
  private final RolloutRepository rollouts;
  private final LedgerRepository ledger;
  private final DeploymentRepository deployments;
  private final NotificationRepository notifications;
  private final TrustRepository trust;
  private int changes;
  private int appended;
  private long lastSequence;

  private Transaction(Handle handle, Clock clock, boolean retrying, boolean readOnly) {
    this.handle = handle;
    this.now = Timestamps.now(clock);
    this.retrying = retrying;
    this.readOnly = readOnly;
    this.resources = new ResourceRepository(this);
    this.fingerprints = new FingerprintRepository(this);
    this.agents = new AgentRepository(this);
    this.driftReports = new DriftReportRepository(this);
    this.events = new EventRepository(this);
    this.access = new AccessRepository(this);
    this.plans = new PlanRepository(this);
    this.rollouts = new RolloutRepository(this);
    this.ledger = new LedgerRepository(this);
    this.deployments = new DeploymentRepository(this);
    this.notifications = new NotificationRepository(this);
    this.trust = new TrustRepository(this);
  }

  static Transaction writing(Handle handle, Clock clock, boolean retrying) {
    return new Transaction(handle, clock, retrying, false);
  }

  static Transaction reading(Handle handle, Clock clock) {
    return new Transaction(handle, clock, false, true);
  }

  public ResourceRepository resources() {
    return resources;
  }

  public FingerprintRepository fingerprints() {
    return fingerprints;
  }

  public AgentRepository agents() {
    return agents;
  }

  public DriftReportRepository driftReports() {
    return driftReports;
  }

  public EventRepository events() {
    return events;
  }

  public AccessRepository access() {
    return access;
  }

  public DeploymentRepository deployments() {
    return deployments;
  }

  public NotificationRepository notifications() {
    return notifications;
  }

  public TrustRepository trust() {
    return trust;
  }

  public PlanRepository plans() {
    return plans;
  }

  public RolloutRepository rollouts() {
    return rollouts;
  }

  public LedgerRepository ledger() {
    return ledger;
  }

  /** The time of this unit of work, to the millisecond: every row it writes carries it. */
  public Instant now() {
    return now;
  }

  /** Whether an earlier attempt of this unit of work lost to a concurrent one. */
  boolean retrying() {
    return retrying;
  }

  Handle handle() {
    return handle;
  }

  /**
   * A repository is about to change state.
   *
   * @throws StoreException in a unit of work that only reads: a bug in the caller
   */
  void changed() {
    if (readOnly) {
      throw new StoreException("bug: a unit of work that only reads tried to change state");
    }
    changes++;
  }

  /** An event was appended under that sequence number. */
  void appended(long sequence) {
    appended++;
    lastSequence = sequence;
  }

  /** The sequence number of the last event this unit of work appended; 0 when none. */
  long lastSequence() {
    return lastSequence;
  }

  /**
   * @throws StoreException when state changed and no event says so: a bug in the service, which
   *     rolls the whole unit of work back
   */
  void requireEventForChanges(String what) {
    if (changes > 0 && appended == 0) {
      throw new StoreException(
          "bug: the unit of work to "
              + what
              + " changed "
              + changes
              + " rows of state without appending an event; nothing was stored");
    }
  }
}
