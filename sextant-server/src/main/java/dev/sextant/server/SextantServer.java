package dev.sextant.server;

import dev.sextant.core.compat.Validators;
import dev.sextant.core.resource.Kind;
import dev.sextant.server.api.ApiServer;
import dev.sextant.server.deploy.Confirmations;
import dev.sextant.server.deploy.DriftResponse;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.discovery.DriftWatch;
import dev.sextant.server.ledger.Ledger;
import dev.sextant.server.ledger.LedgerKey;
import dev.sextant.server.ledger.LedgerKeyException;
import dev.sextant.server.ledger.TreeHeads;
import dev.sextant.server.notify.Notifications;
import dev.sextant.server.rollout.RolloutEngine;
import dev.sextant.server.secret.Secrets;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.Revision;
import dev.sextant.server.store.StoreLocation;
import dev.sextant.server.work.BackgroundWork;
import dev.sextant.server.work.OneTimeWork;
import dev.sextant.server.work.RecurringWork;
import dev.sextant.server.work.SchedulerDialect;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's composition root and lifecycle: it opens the store, builds the services over it,
 * starts the background work that the store delivers (db-scheduler on the same database) and serves
 * the API; {@link #close()} stops them in the opposite order. Several servers may share one
 * PostgreSQL store: each run of background work then happens on one of them.
 */
public final class SextantServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SextantServer.class);

  /** Every environment's drift, on the configured interval. */
  static final String DRIFT_CHECK_ALL = "drift-check-all";

  /** One environment's drift, at once, after its declaration changed. */
  static final String DRIFT_CHECK = "drift-check";

  /** What an environment's drift action does about drift just found: rollback, remediate. */
  static final String DRIFT_RESPONSE = "drift-response";

  /** A signed head over the ledger's leaves, whenever the log grew since the last one. */
  static final String LEDGER_HEADS = "ledger-heads";

  static final Duration LEDGER_HEADS_DELAY = Duration.ofSeconds(10);

  /** Where a server on a shared store finds its ledger key; one key for every server of a store. */
  static final String LEDGER_KEY_VARIABLE = "SEXTANT_LEDGER_KEY";

  private final Services services;
  private final BackgroundWork work;
  private final ApiServer api;
  private final Optional<String> firstAdminToken;
  private final Confirmations confirmations;

  private SextantServer(
      Services services,
      BackgroundWork work,
      ApiServer api,
      Optional<String> firstAdminToken,
      Confirmations confirmations) {
    this.services = services;
    this.work = work;
    this.api = api;
    this.firstAdminToken = firstAdminToken;
    this.confirmations = confirmations;
  }

  /**
   * Carries out the commands a crash left undone, off the start's path: a command may start
   * instances and wait for them.
   */
  private static void recoverInBackground(RolloutEngine engine) {
    Thread thread =
        new Thread(
            () -> {
              try {
                int done = engine.recover();
                if (done > 0) {
                  LOG.info("carried out {} rollout command(s) left undone by a crash", done);
                }
              } catch (RuntimeException e) {
                LOG.warn("cannot recover the rollouts' pending commands: {}", e.getMessage());
              }
            },
            "rollout-recovery");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Where the local target keeps its instances' logs, HAProxy's files and its artifacts: in the
   * data directory of an embedded store, else under the system's temporary directory.
   */
  private static Path localHome(ServerConfig config) {
    return config.store() instanceof StoreLocation.Embedded embedded
        ? embedded.dataDirectory().resolve("local")
        : Path.of(System.getProperty("java.io.tmpdir"), "sextant-local");
  }

  /**
   * Where the ledger key is kept: the file {@code SEXTANT_LEDGER_KEY} names, else in the data
   * directory of an embedded store, else in {@code $SEXTANT_HOME} ({@code ~/.sextant}). Servers
   * that share a PostgreSQL store must share one key, or each would sign heads the others cannot
   * verify.
   */
  public static Path ledgerKeyFile(ServerConfig config) {
    Optional<Path> named =
        Optional.ofNullable(System.getenv(LEDGER_KEY_VARIABLE))
            .filter(v -> !v.isBlank())
            .map(Path::of);
    if (named.isPresent()) {
      return named.get();
    }
    if (config.store() instanceof StoreLocation.Embedded embedded) {
      return embedded.dataDirectory().resolve(LedgerKey.FILE_NAME);
    }
    Path home =
        Optional.ofNullable(System.getenv("SEXTANT_HOME"))
            .filter(v -> !v.isBlank())
            .map(Path::of)
            .orElse(Path.of(System.getProperty("user.home"), ".sextant"))
            .resolve(LedgerKey.FILE_NAME);
    LOG.warn(
        "the ledger key is {}, this machine's own: set {} to one file for every server of the store",
        home,
        LEDGER_KEY_VARIABLE);
    return home;
  }

  private static LedgerKey ledgerKey(ServerConfig config) {
    try {
      return LedgerKey.loadOrCreate(ledgerKeyFile(config), new SecureRandom());
    } catch (LedgerKeyException e) {
      throw new ServerStartException(e.getMessage(), e);
    }
  }

  /**
   * Starts a server.
   *
   * @throws dev.sextant.server.store.StoreUnavailableException when the store cannot be opened
   * @throws ServerStartException when the address cannot be listened on
   */
  public static SextantServer start(ServerConfig config, Clock clock) {
    return start(config, clock, Validators.standard());
  }

  /**
   * Starts a server whose applies check requirements against these validators (Sextant's and any
   * plug-ins'), the ones plans are made with.
   *
   * @throws dev.sextant.server.store.StoreUnavailableException when the store cannot be opened
   * @throws ServerStartException when the address cannot be listened on
   */
  public static SextantServer start(ServerConfig config, Clock clock, Validators validators) {
    Database database = config.store().open(clock);
    BackgroundWork work = null;
    Services opened = null;
    try {
      AtomicReference<Consumer<Revision>> checkSoon = new AtomicReference<>(revision -> {});
      AgentTokens tokens = config.agentToken().map(AgentTokens::of).orElse(AgentTokens.none());
      Services services =
          Services.on(
              database,
              tokens,
              clock,
              validators,
              outcome -> {
                if (outcome.revision().key().kind() == Kind.ENVIRONMENT) {
                  checkSoon.get().accept(outcome.revision());
                }
              });
      LedgerKey ledgerKey = ledgerKey(config);
      LocalDeploying local =
          LocalDeploying.on(services, localHome(config), clock, config.prometheus());
      services =
          services
              .deployingWith(local.deploying)
              .notifyingWith(
                  new Notifications(
                      database, new Secrets(System.getenv()), config.notifications(), clock))
              .ledgerWith(Ledger.signedWith(database, ledgerKey));
      opened = services;
      Optional<String> firstAdmin = services.access().bootstrap(config.firstAdminToken());
      DriftWatch drift = services.drift();
      OneTimeWork driftCheck = new OneTimeWork(DRIFT_CHECK, drift::check);
      DriftResponse response =
          new DriftResponse(local.deploying.deployments(), services.plans(), services.resources());
      OneTimeWork driftResponse =
          new OneTimeWork(
              DRIFT_RESPONSE,
              environment ->
                  response
                      .respond(environment)
                      .forEach(done -> LOG.info("drift in {}: {}", environment, done)));
      TreeHeads treeHeads = new TreeHeads(database, ledgerKey);
      int backfilled = treeHeads.backfill();
      if (backfilled > 0) {
        LOG.info("gave {} event(s) older than the ledger their leaves", backfilled);
      }
      RecurringWork ledgerHeads =
          RecurringWork.of(LEDGER_HEADS, LEDGER_HEADS_DELAY, () -> treeHeads.publish());
      RecurringWork driftCheckAll =
          new RecurringWork(
              DRIFT_CHECK_ALL,
              config.driftInterval(),
              due -> {
                LOG.info("checking the drift of every environment (the check due at {})", due);
                drift.checkAll();
              });
      work =
          new BackgroundWork(
              database.dataSource(),
              SchedulerDialect.of(database.dialect()),
              config.work(),
              Stream.concat(
                      Stream.of(driftCheckAll, ledgerHeads), local.timers.recurring().stream())
                  .toList(),
              Stream.concat(Stream.of(driftCheck, driftResponse), local.works().stream()).toList());
      BackgroundWork started = work;
      RolloutEngine engine = local.deploying.engine();
      local.timers.drive(engine, work);
      local.analyses.drive(engine, work);
      // An Environment's declared facts or drift action may have changed: its drift is checked
      // now, on whichever server claims the work, rather than at the next scheduled check; once per
      // revision, since a check already running may have read the one before.
      checkSoon.set(
          revision ->
              started.scheduleNow(
                  driftCheck, revision.key().name(), "revision-" + revision.number()));
      // Drift found is acted on as its environment says, on whichever server claims the work, once
      // per set of reports, after the check that found it has committed.
      drift.whenFound(
          (environment, reports) ->
              started.scheduleNow(
                  driftResponse,
                  environment,
                  "reports-"
                      + reports.stream()
                          .map(r -> Long.toString(r.id()))
                          .collect(java.util.stream.Collectors.joining("-"))));
      work.start();
      services.notifications().start();
      recoverInBackground(engine);
      ApiServer api = listen(services, config);
      return new SextantServer(services, work, api, firstAdmin, local.confirmations);
    } catch (RuntimeException e) {
      if (work != null) {
        work.close();
      }
      if (opened != null) {
        opened.notifications().close();
        opened.deploying().close();
      }
      database.close();
      throw e;
    }
  }

  private static ApiServer listen(Services services, ServerConfig config) {
    try {
      return ApiServer.start(services, config.bind(), config.port());
    } catch (RuntimeException e) {
      throw new ServerStartException(
          "cannot listen on " + config.bind() + ":" + config.port() + ": " + rootCause(e), e);
    }
  }

  public static SextantServer start(ServerConfig config) {
    return start(config, Clock.systemUTC());
  }

  /** The port the API listens on. */
  public int port() {
    return api.port();
  }

  /**
   * The first admin's token, when this server made the first admin of its store (it had no identity
   * yet); empty on every later start. Its text exists nowhere else: the caller shows it once, or
   * keeps it where only the store's owner reads it.
   */
  public Optional<String> firstAdminToken() {
    return firstAdminToken;
  }

  public Services services() {
    return services;
  }

  /** Stops serving, then the background work (waiting a bounded time), then closes the store. */
  @Override
  public void close() {
    api.close();
    work.close();
    confirmations.close();
    services.close();
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
