package dev.sextant.server;

import dev.sextant.core.compat.Validators;
import dev.sextant.core.delivery.DeliveryWindow;
import dev.sextant.core.document.Limits;
import dev.sextant.server.access.AccessControl;
import dev.sextant.server.deploy.DeliveryReports;
import dev.sextant.server.deploy.Deploying;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.discovery.DiscoveryService;
import dev.sextant.server.discovery.DriftWatch;
import dev.sextant.server.ledger.Ledger;
import dev.sextant.server.metrics.ServerMetrics;
import dev.sextant.server.notify.Notifications;
import dev.sextant.server.notify.NotifySettings;
import dev.sextant.server.plan.PlanService;
import dev.sextant.server.secret.Secrets;
import dev.sextant.server.service.ResourceService;
import dev.sextant.server.store.ApplyOutcome;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.LoggedEvent;
import dev.sextant.server.trust.TrustStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What the API and the CLI's local mode work with, built once over one database. */
public record Services(
    Database database,
    ResourceService resources,
    DiscoveryService discovery,
    DriftWatch drift,
    ServerMetrics metrics,
    AccessControl access,
    PlanService plans,
    Deploying deploying,
    Notifications notifications,
    DeliveryReports delivery,
    Ledger ledger)
    implements AutoCloseable {

  /**
   * @param validators the rules requirements may name (Sextant's and any plug-ins')
   * @param applied told of each new revision once its apply has committed
   */
  public static Services on(
      Database database,
      AgentTokens tokens,
      Clock clock,
      Validators validators,
      Consumer<ApplyOutcome> applied) {
    ServerMetrics metrics = new ServerMetrics();
    metrics.paused(
        () -> database.read("count paused rollouts", tx -> tx.rollouts().countIn("paused")));
    DeliveryReports delivery = new DeliveryReports(database, clock);
    metrics.delivery(
        () ->
            delivery.figures(
                Optional.empty(), Optional.empty(), delivery.last(DeliveryWindow.DEFAULT_LENGTH)));
    DriftWatch drift = new DriftWatch(database, metrics);
    ResourceService resources = new ResourceService(database, Limits.DEFAULT, validators, applied);
    DiscoveryService discovery = new DiscoveryService(database, tokens, drift, clock);
    PlanService plans =
        new PlanService(
            database,
            resources,
            discovery,
            drift,
            validators,
            clock,
            PlanService.APPROVAL_VALIDITY);
    return new Services(
        database,
        resources,
        discovery,
        drift,
        metrics,
        new AccessControl(database, clock),
        plans,
        Deploying.withoutTarget(database, resources, plans, metrics, clock),
        new Notifications(database, new Secrets(System.getenv()), NotifySettings.DEFAULTS, clock),
        delivery,
        Ledger.withoutKey(database));
  }

  /** These services deploying with {@code deploying}: a server's engine, timers and target. */
  public Services deployingWith(Deploying deploying) {
    return new Services(
        database,
        resources,
        discovery,
        drift,
        metrics,
        access,
        plans,
        deploying,
        notifications,
        delivery,
        ledger);
  }

  /**
   * These services notifying with {@code notifications}: a server's, with its settings. The worker
   * runs only once the server starts it.
   */
  public Services notifyingWith(Notifications notifications) {
    return new Services(
        database,
        resources,
        discovery,
        drift,
        metrics,
        access,
        plans,
        deploying,
        notifications,
        delivery,
        ledger);
  }

  /** These services signing and verifying the ledger with a server's key. */
  public Services ledgerWith(Ledger ledger) {
    return new Services(
        database,
        resources,
        discovery,
        drift,
        metrics,
        access,
        plans,
        deploying,
        notifications,
        delivery,
        ledger);
  }

  public static Services on(
      Database database, AgentTokens tokens, Clock clock, Consumer<ApplyOutcome> applied) {
    return on(database, tokens, clock, Validators.standard(), applied);
  }

  public static Services on(Database database, AgentTokens tokens, Clock clock) {
    return on(database, tokens, clock, outcome -> {});
  }

  /** Services with no agent token (agents refused), as the CLI uses locally. */
  public static Services local(Database database, Validators validators) {
    return on(database, AgentTokens.none(), Clock.systemUTC(), validators, outcome -> {});
  }

  public static Services local(Database database) {
    return local(database, Validators.standard());
  }

  /**
   * The trust store over this database: the keys that signatures and provenance are checked with.
   */
  public TrustStore trust() {
    return new TrustStore(database);
  }

  /** The last events that match, oldest first. */
  public List<LoggedEvent> events(EventQuery query) {
    return database.read("list events", tx -> tx.events().list(query));
  }

  /** The events after a sequence number, oldest first, at most {@code limit} of them. */
  public List<LoggedEvent> eventsAfter(long sequence, int limit) {
    return database.read("list events", tx -> tx.events().after(sequence, limit));
  }

  /** The sequence number of the last event committed; 0 when there is none. */
  public long lastEvent() {
    return database.read("read the last event's number", tx -> tx.events().lastSequence());
  }

  @Override
  public void close() {
    notifications.close();
    deploying.close();
    database.close();
  }
}
