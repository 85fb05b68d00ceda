package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.api.ApiClient;
import dev.sextant.core.access.Grant;
import dev.sextant.core.access.Permission;
import dev.sextant.core.access.Role;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.validation.Input;
import dev.sextant.server.Services;
import dev.sextant.server.access.Principal;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.ledger.Ledger;
import dev.sextant.server.ledger.LedgerKey;
import dev.sextant.server.store.AccessDenied;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.LoggedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deny by default, route by route: this test holds its own table of the rule every route must have,
 * so that a route added without a row here, or registered with another rule than its row, fails the
 * build. Then every route is called by every kind of caller (no token, a bad one, each role granted
 * on {@code tier=staging}, and an admin on every environment), against an environment in that scope
 * and one out of it: 401 without a valid token, 403 where the caller lacks the permission where the
 * rule asks it, and neither where it holds it (the request may still fail on its content).
 */
class RoutePermissionMatrixTest {
  private static final String AGENT_TOKEN = "matrix-agent-token";
  private static final String BAD_TOKEN = "sxt_not-a-token-this-server-made";
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final String RELEASE = "payments-api-2-4-0";

  private static final Access READ = Access.somewhere(Permission.READ);
  private static final Access ADMINISTER =
      Access.needs(Permission.ADMINISTER, Access.Scope.EVERYWHERE);
  private static final Access READ_EVERYWHERE =
      Access.needs(Permission.READ, Access.Scope.EVERYWHERE);
  private static final Access PUBLIC = Access.publicRoute();
  private static final Access AGENT = Access.agent();

  /** The rule each route must have; the server's table must be exactly this. */
  private static final Map<String, Access> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("GET /healthz", PUBLIC);
    EXPECTED.put("GET /readyz", PUBLIC);
    EXPECTED.put("GET /metrics", READ);
    EXPECTED.put("GET /api/v1/openapi.json", PUBLIC);
    EXPECTED.put("GET /api/v1/schemas", PUBLIC);
    EXPECTED.put("GET /api/v1/schemas/{kind}", PUBLIC);
    EXPECTED.put("GET /api/v1/events/stream", READ);
    EXPECTED.put("POST /api/v1/agents", AGENT);
    EXPECTED.put("POST /api/v1/agents/{name}/fingerprints", AGENT);
    EXPECTED.put("GET /api/v1/events", READ);
    EXPECTED.put("GET /api/v1/environments/{name}/fingerprints", READ);
    EXPECTED.put(
        "POST /api/v1/environments/{name}/fingerprints",
        Access.needs(Permission.RECORD, Access.Scope.PATH_ENVIRONMENT));
    EXPECTED.put("GET /api/v1/environments/{name}/fingerprints/latest", READ);
    EXPECTED.put("GET /api/v1/environments/{name}/fingerprints/{revision}", READ);
    EXPECTED.put(
        "POST /api/v1/environments/{name}/last-known-good",
        Access.needs(Permission.RECORD, Access.Scope.PATH_ENVIRONMENT));
    EXPECTED.put("GET /api/v1/environments/{name}/drift", READ);
    EXPECTED.put("GET /api/v1/environments/{name}/drift/reports", READ);
    EXPECTED.put("GET /api/v1/whoami", Access.authenticated());
    EXPECTED.put("POST /api/v1/tokens", ADMINISTER);
    EXPECTED.put("GET /api/v1/tokens", ADMINISTER);
    EXPECTED.put("POST /api/v1/tokens/{id}/revoke", ADMINISTER);
    EXPECTED.put("GET /api/v1/grants", READ);
    EXPECTED.put("POST /api/v1/grants", ADMINISTER);
    EXPECTED.put("POST /api/v1/grants/revoke", ADMINISTER);
    EXPECTED.put("POST /api/v1/plans", Access.needs(Permission.DEPLOY, Access.Scope.REQUEST));
    EXPECTED.put("GET /api/v1/plans", READ);
    EXPECTED.put("GET /api/v1/plans/{id}", READ);
    EXPECTED.put(
        "POST /api/v1/plans/{id}/approvals",
        Access.needs(Permission.APPROVE, Access.Scope.REQUEST));
    EXPECTED.put("POST /api/v1/deployments", Access.needs(Permission.DEPLOY, Access.Scope.REQUEST));
    EXPECTED.put("GET /api/v1/rollouts", READ);
    EXPECTED.put("GET /api/v1/rollouts/{id}", READ);
    for (String verb : List.of("pause", "resume", "abort", "promote", "retry", "undo")) {
      EXPECTED.put(
          "POST /api/v1/rollouts/{id}/" + verb,
          Access.needs(Permission.DEPLOY, Access.Scope.REQUEST));
    }
    EXPECTED.put(
        "POST /api/v1/rollouts/{id}/approve",
        Access.needs(Permission.APPROVE, Access.Scope.REQUEST));
    EXPECTED.put("GET /api/v1/rollouts/{id}/history", READ);
    EXPECTED.put(
        "GET /api/v1/rollouts/{id}/replay", Access.needs(Permission.READ, Access.Scope.REQUEST));
    EXPECTED.put("GET /api/v1/rollouts/{id}/logs", READ);
    EXPECTED.put("GET /api/v1/rollouts/{id}/events", READ);
    EXPECTED.put("GET /api/v1/reports/delivery", READ);
    EXPECTED.put(
        "POST /api/v1/environments/{name}/services/{service}/undo",
        Access.needs(Permission.DEPLOY, Access.Scope.PATH_ENVIRONMENT));
    EXPECTED.put("GET /api/v1/notifications/dead-letters", READ);
    EXPECTED.put("POST /api/v1/notifications/dead-letters/{id}/replay", ADMINISTER);
    EXPECTED.put("GET /api/v1/ledger/head", READ_EVERYWHERE);
    EXPECTED.put("POST /api/v1/ledger/heads", ADMINISTER);
    EXPECTED.put("GET /api/v1/ledger/entries", READ_EVERYWHERE);
    EXPECTED.put("GET /api/v1/ledger/verify", READ_EVERYWHERE);
    EXPECTED.put("GET /api/v1/ledger/proofs/inclusion", READ_EVERYWHERE);
    EXPECTED.put("GET /api/v1/ledger/proofs/consistency", READ_EVERYWHERE);
    EXPECTED.put("GET /api/v1/ledger/bundle", READ_EVERYWHERE);
    EXPECTED.put("GET /api/v1/keys", READ_EVERYWHERE);
    EXPECTED.put("POST /api/v1/keys", ADMINISTER);
    EXPECTED.put("POST /api/v1/keys/{id}/revoke", ADMINISTER);
    EXPECTED.put("GET /api/v1/notifications/deliveries", READ);
    EXPECTED.put("POST /api/v1/apply", Access.needs(Permission.APPLY, Access.Scope.REQUEST));
    EXPECTED.put("GET /api/v1/resources", READ);
    EXPECTED.put("GET /api/v1/{kind}", READ);
    EXPECTED.put("GET /api/v1/{kind}/{name}", READ);
    EXPECTED.put("GET /api/v1/{kind}/{name}/revisions", READ);
    EXPECTED.put("GET /api/v1/{kind}/{name}/revisions/{revision}", READ);
  }

  /** Who calls: without a token, with a bad one, or with a role on tier=staging or everywhere. */
  enum Caller {
    NO_TOKEN(null),
    BAD_TOKEN(null),
    VIEWER(Role.VIEWER),
    DEPLOYER(Role.DEPLOYER),
    APPROVER(Role.APPROVER),
    ADMIN_OF_STAGING(Role.ADMIN),
    ADMIN_EVERYWHERE(Role.ADMIN);

    final Role role;

    Caller(Role role) {
      this.role = role;
    }

    boolean authenticated() {
      return role != null;
    }

    /** Whether this caller holds the permission where the check asks it. */
    boolean holds(Check check, String environment) {
      if (this == ADMIN_EVERYWHERE) {
        return true;
      }
      if (!role.permits(check.permission())) {
        return false;
      }
      return switch (check.where()) {
        case SOMEWHERE -> true;
        case EVERYWHERE -> false;
        case IN_ENVIRONMENT -> environment.equals(IN_SCOPE);
      };
    }
  }

  enum Where {
    SOMEWHERE,
    EVERYWHERE,
    IN_ENVIRONMENT
  }

  record Check(Permission permission, Where where) {}

  /** One request to send, and every check it must pass. */
  record Call(
      String route,
      String method,
      String path,
      String contentType,
      String body,
      String environment,
      List<Check> checks) {
    @Override
    public String toString() {
      return method + " " + path + (body.isEmpty() ? "" : " (" + contentType + ")");
    }
  }

  private static final String IN_SCOPE = "staging";
  private static final String OUT_OF_SCOPE = "prod";
  private static final List<String> ENVIRONMENTS = List.of(IN_SCOPE, OUT_OF_SCOPE);

  private static Path home;
  private static Services services;
  private static ApiServer server;
  private static ApiClient client;
  private static final Map<Caller, String> TOKENS = new LinkedHashMap<>();
  private static final Map<String, String> PLANS = new LinkedHashMap<>();
  private static final Map<String, String> DIGESTS = new LinkedHashMap<>();
  private static final Map<String, String> ROLLOUTS = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws IOException {
    home = Files.createTempDirectory("sextant-matrix-");
    Database database = Database.h2(home, Clock.systemUTC());
    services =
        Services.on(database, AgentTokens.of(AGENT_TOKEN), Clock.systemUTC())
            .ledgerWith(
                Ledger.signedWith(
                    database,
                    LedgerKey.loadOrCreate(home.resolve(LedgerKey.FILE_NAME), new SecureRandom())));
    services
        .resources()
        .apply(
            List.of(
                environment(IN_SCOPE),
                environment(OUT_OF_SCOPE),
                example("services/payments-api.yaml"),
                example("strategies/canary-standard.yaml"),
                example("releases/payments-api-2.4.0.yaml")),
            "setup");
    server = ApiServer.start(services, "127.0.0.1", 0);
    client = Admin.client(services.database(), server.port());
    Principal admin = Principal.local("admin");
    TOKENS.put(Caller.BAD_TOKEN, BAD_TOKEN);
    TOKENS.put(Caller.ADMIN_EVERYWHERE, Admin.TOKEN);
    for (Caller caller : Caller.values()) {
      if (!caller.authenticated() || caller == Caller.ADMIN_EVERYWHERE) {
        continue;
      }
      String identity = caller.name().toLowerCase(Locale.ROOT).replace('_', '-');
      TOKENS.put(
          caller,
          services
              .access()
              .createToken(admin, identity, Optional.empty(), Optional.empty(), "matrix")
              .text());
      services
          .access()
          .grant(admin, identity, new Grant(caller.role, LabelSelector.parse("tier=staging")));
    }
    for (String environment : ENVIRONMENTS) {
      var plan = services.plans().submit(Principal.local("planner"), RELEASE, environment);
      PLANS.put(environment, plan.plan().name());
      DIGESTS.put(environment, plan.plan().digest().value());
      // A rollout that waits in each environment: this server has no target, so its first command
      // stays pending and every verb finds it running, or ended by an earlier caller's abort.
      String rollout = "ro-" + environment.length() + "0";
      services
          .deploying()
          .engine()
          .start(
              rollout,
              "payments-api",
              environment,
              new Revisions("", "payments-api-2-4-0@1/default"),
              1,
              (ObjectNode)
                  new ObjectMapper()
                      .readTree(
                          "{\"canary\": {\"steps\": [{\"setWeight\": 10}, {\"pause\": {}}]}}"),
              "setup");
      ROLLOUTS.put(environment, rollout);
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (services != null) {
      services.close();
    }
  }

  @Test
  void every_route_of_the_server_has_the_rule_this_table_gives_it_and_no_row_is_left_over() {
    Map<String, Access> served = new LinkedHashMap<>();
    for (RouteTable.Route route : server.routes()) {
      served.put(route.method().name() + " " + route.path(), route.access());
    }
    for (RouteTable.Route route : server.streams()) {
      served.put(route.method().name() + " " + route.path(), route.access());
    }
    Set<String> unlisted = new TreeSet<>(served.keySet());
    unlisted.removeAll(EXPECTED.keySet());
    Set<String> gone = new TreeSet<>(EXPECTED.keySet());
    gone.removeAll(served.keySet());
    assertThat(unlisted)
        .as("routes the server serves without a row in this test's table")
        .isEmpty();
    assertThat(gone).as("rows of this test's table that no route serves").isEmpty();
    SoftAssertions softly = new SoftAssertions();
    served.forEach(
        (route, access) -> softly.assertThat(access).as(route).isEqualTo(EXPECTED.get(route)));
    softly.assertAll();
  }

  @Test
  void every_caller_gets_401_403_or_through_on_every_route_as_the_table_says() {
    long deniedBefore = denials().size();
    int refused = 0;
    int calls = 0;
    SoftAssertions softly = new SoftAssertions();
    for (Call call : calls()) {
      for (Caller caller : Caller.values()) {
        RawHttp.Answer answer = send(caller, call);
        calls++;
        String what = caller + " " + call + " in " + call.environment() + ": " + brief(answer);
        boolean expectedThrough =
            caller.authenticated()
                && call.checks().stream().allMatch(c -> caller.holds(c, call.environment()));
        if (!caller.authenticated()) {
          softly.assertThat(answer.status()).as(what).isEqualTo(401);
          softly
              .assertThat(answer.header("WWW-Authenticate"))
              .as(what)
              .hasValue("Bearer realm=\"sextant\"");
          softly.assertThat(answer.body()).as(what).contains("unauthenticated");
        } else if (expectedThrough) {
          softly.assertThat(answer.status()).as(what).isNotIn(401, 403).isLessThan(500);
        } else {
          softly.assertThat(answer.status()).as(what).isEqualTo(403);
        }
        if (answer.status() == 401 || answer.status() == 403) {
          refused++;
        }
      }
    }
    softly.assertAll();
    assertThat(calls).isGreaterThan(300);

    List<LoggedEvent> denials = denials();
    assertThat(denials.size() - deniedBefore)
        .as("one access.denied event for every 401 and 403")
        .isEqualTo(refused);
    for (LoggedEvent denial : denials) {
      String text = denial.envelope().toString();
      for (String token : TOKENS.values()) {
        assertThat(text).doesNotContain(token);
      }
      assertThat(text).contains("\"from\"", "\"method\"", "\"path\"");
    }
  }

  @Test
  void public_routes_answer_without_a_token() {
    for (String route : EXPECTED.keySet()) {
      if (EXPECTED.get(route).equals(PUBLIC)) {
        String path = route.split(" ")[1].replace("{kind}", "environment");
        RawHttp.Answer answer =
            send(Caller.NO_TOKEN, new Call(route, "GET", path, "", "", IN_SCOPE, List.of()));
        assertThat(answer.status()).as(route + ": " + brief(answer)).isEqualTo(200);
      }
    }
  }

  @Test
  void agent_routes_refuse_an_api_token_however_strong() {
    for (String route : EXPECTED.keySet()) {
      if (EXPECTED.get(route).equals(AGENT)) {
        String path = route.split(" ")[1].replace("{name}", "matrix-agent");
        for (Caller caller : List.of(Caller.NO_TOKEN, Caller.BAD_TOKEN, Caller.ADMIN_EVERYWHERE)) {
          RawHttp.Answer answer =
              send(
                  caller,
                  new Call(route, "POST", path, "application/json", "{}", IN_SCOPE, List.of()));
          assertThat(answer.status())
              .as(caller + " " + route + ": " + brief(answer))
              .isIn(400, 401);
        }
      }
    }
  }

  /** Every route but the agents' and the public ones, in each environment, as requests. */
  private static List<Call> calls() {
    List<Call> calls = new ArrayList<>();
    for (Map.Entry<String, Access> row : EXPECTED.entrySet()) {
      if (!(row.getValue() instanceof Access.Needs
          || row.getValue() instanceof Access.Authenticated)) {
        continue;
      }
      String method = row.getKey().split(" ")[0];
      String template = row.getKey().split(" ")[1];
      for (String environment : ENVIRONMENTS) {
        List<Check> checks = new ArrayList<>();
        if (row.getValue() instanceof Access.Needs needs) {
          checks.add(
              new Check(
                  needs.permission(),
                  switch (needs.scope()) {
                    case SOMEWHERE, REQUEST -> Where.SOMEWHERE;
                    case EVERYWHERE -> Where.EVERYWHERE;
                    case PATH_ENVIRONMENT -> Where.IN_ENVIRONMENT;
                  }));
        }
        String path =
            template
                .replace("{name}", environment)
                .replace("{kind}", "environments")
                .replace("{revision}", "1")
                .replace("{service}", "payments-api")
                .replace(
                    "{id}",
                    template.contains("tokens")
                        ? "tok-none"
                        : template.contains("keys")
                            ? "00000000"
                            : template.contains("notifications")
                                ? "1"
                                : template.contains("rollouts")
                                    // the stream of a rollout that exists would stay open: none, a
                                    // 404
                                    ? (template.endsWith("events")
                                        ? "ro-0"
                                        : ROLLOUTS.get(environment))
                                    : PLANS.get(environment));
        if (path.equals(EventStreamRoutes.PATH)) {
          path += "?after=-1"; // refused by the stream's own check, once past access, so it ends
        }
        String body =
            method.equals("POST")
                    && !template.endsWith("}/revoke")
                    && !template.endsWith("last-known-good")
                ? "{}"
                : "";
        String type = body.isEmpty() ? "" : "application/json";
        switch (row.getKey()) {
          case "POST /api/v1/plans" -> {
            body = "{\"release\":\"" + RELEASE + "\",\"environment\":\"" + environment + "\"}";
            checks.add(new Check(Permission.DEPLOY, Where.IN_ENVIRONMENT));
          }
          case "POST /api/v1/deployments" -> {
            body = "{\"release\":\"" + RELEASE + "\",\"environment\":\"" + environment + "\"}";
            checks.add(new Check(Permission.DEPLOY, Where.IN_ENVIRONMENT));
          }
          case "POST /api/v1/rollouts/{id}/pause",
              "POST /api/v1/rollouts/{id}/resume",
              "POST /api/v1/rollouts/{id}/abort",
              "POST /api/v1/rollouts/{id}/promote",
              "POST /api/v1/rollouts/{id}/retry",
              "POST /api/v1/rollouts/{id}/undo" ->
              checks.add(new Check(Permission.DEPLOY, Where.IN_ENVIRONMENT));
          case "POST /api/v1/rollouts/{id}/approve" ->
              checks.add(new Check(Permission.APPROVE, Where.IN_ENVIRONMENT));
          case "GET /api/v1/rollouts/{id}/replay" ->
              checks.add(new Check(Permission.READ, Where.IN_ENVIRONMENT));
          case "POST /api/v1/plans/{id}/approvals" -> {
            body = "{\"digest\":\"" + DIGESTS.get(environment) + "\"}";
            checks.add(new Check(Permission.APPROVE, Where.IN_ENVIRONMENT));
          }
          case "POST /api/v1/apply" -> {
            path += "?dryRun=true";
            type = "application/yaml";
            calls.add(
                new Call(
                    row.getKey(),
                    method,
                    path,
                    type,
                    text(example("services/payments-api.yaml")),
                    environment,
                    List.copyOf(checks)));
            body = text(environment(environment));
            checks.add(new Check(Permission.ADMINISTER, Where.IN_ENVIRONMENT));
          }
          default -> {}
        }
        calls.add(new Call(row.getKey(), method, path, type, body, environment, checks));
      }
    }
    return calls;
  }

  private static RawHttp.Answer send(Caller caller, Call call) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", caller == Caller.NO_TOKEN ? "" : "Bearer " + TOKENS.get(caller));
    if (!call.contentType().isEmpty()) {
      headers.put("Content-Type", call.contentType());
    }
    try {
      return RawHttp.send(
          client,
          server.port(),
          call.method(),
          call.path(),
          headers,
          call.body().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<LoggedEvent> denials() {
    return services.events(EventQuery.last(EventQuery.MAX_LIMIT).ofType(AccessDenied.TYPE));
  }

  /** A plain Environment whose tier label is its name. */
  private static Input environment(String name) {
    String yaml =
        """
        apiVersion: sextant.dev/v1
        kind: Environment
        metadata:
          name: %s
          labels:
            tier: %s
        spec:
          description: An environment of the access matrix.
          target:
            type: local
          drift: alert
        """
            .formatted(name, name);
    return new Input(name + ".yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static Input example(String file) {
    try {
      return new Input(file, Files.readAllBytes(EXAMPLES.resolve(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Input input) {
    return new String(input.bytes(), StandardCharsets.UTF_8);
  }

  private static String brief(RawHttp.Answer answer) {
    String text = answer.status() + " " + answer.body();
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
