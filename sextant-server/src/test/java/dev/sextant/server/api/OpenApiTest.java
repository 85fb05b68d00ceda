package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.api.ApiResponse;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document the server serves, checked against the routes it registers: every route and
 * stream of the {@link RouteTable} is documented with its method, path parameters, the query
 * parameters and headers its handler reads, a 2xx answer, the error answers it can give (each
 * problem+json of the shared {@code Problem} schema), the media types of its body exactly as the
 * table says, and the security its {@link Access} asks (none, the agent token, an API token, with
 * the 401 and 403 the guard answers); and the document declares nothing that is not served.
 *
 * <p>The query parameters, headers and the handler's own error statuses of each route are not in
 * the table: {@link #CONTRACTS} holds them, read from the handlers. A route added to the table
 * without an entry there, or without documentation, fails this test.
 */
class OpenApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /**
   * Every route can be refused before its handler runs, or by it for a malformed path or query
   * parameter: 400 (a bad %-escape or control character, refused by Jetty; or an invalid
   * parameter), 405 with Allow (another method on the path), 431 (headers over the limit).
   */
  private static final Set<Integer> EVERY_ROUTE = Set.of(400, 405, 431);

  /**
   * What a route's handler reads and can answer beyond {@link #EVERY_ROUTE} and what its {@link
   * Access} answers ({@link #guardErrors}), read from its code.
   */
  private record Contract(Set<String> query, Set<String> headers, Set<Integer> errors) {}

  private static final String SOURCE = ResourceRoutes.SOURCE_HEADER;

  /**
   * Keyed by {@code METHOD path} as registered. 503 where the route reads or writes the store
   * (StoreException); 409 where it writes (a write that lost every retry, or a conflicting
   * registration); 413 where it reads a body (Bodies.read); 415 on every POST (RouteTable); 422
   * where a body or a label selector is validated, or a JSON body parsed; 401 and 403 where the
   * agents' handlers check the agent token and the report. The API token's 401 and 403 are not
   * here: they follow from the route's {@link Access}.
   */
  private static final Map<String, Contract> CONTRACTS = new HashMap<>();

  static {
    contract("GET /healthz", Set.of(), Set.of(), Set.of());
    contract("GET /metrics", Set.of(), Set.of(), Set.of());
    contract("GET /readyz", Set.of(), Set.of(), Set.of(503));
    contract("GET /api/v1/openapi.json", Set.of(), Set.of(), Set.of());
    contract("GET /api/v1/schemas", Set.of(), Set.of(), Set.of());
    contract("GET /api/v1/schemas/{kind}", Set.of(), Set.of(), Set.of(404));
    // The stream's check only parses ?after=; once its headers are out, nothing is a problem.
    contract("GET /api/v1/events/stream", Set.of("after"), Set.of(), Set.of());
    contract("POST /api/v1/agents", Set.of(), Set.of(), Set.of(401, 404, 409, 413, 415, 422, 503));
    contract(
        "POST /api/v1/agents/{name}/fingerprints",
        Set.of(),
        Set.of(),
        Set.of(401, 403, 404, 409, 413, 415, 422, 503));
    contract("GET /api/v1/events", Set.of("limit", "subject", "type"), Set.of(), Set.of(503));
    contract("GET /api/v1/environments/{name}/fingerprints", Set.of(), Set.of(), Set.of(404, 503));
    contract(
        "POST /api/v1/environments/{name}/fingerprints",
        Set.of(),
        Set.of(SOURCE),
        Set.of(404, 409, 413, 415, 422, 503));
    contract(
        "GET /api/v1/environments/{name}/fingerprints/latest",
        Set.of(),
        Set.of(),
        Set.of(404, 503));
    contract(
        "GET /api/v1/environments/{name}/fingerprints/{revision}",
        Set.of(),
        Set.of(),
        Set.of(404, 503));
    contract(
        "POST /api/v1/environments/{name}/last-known-good",
        Set.of("revision"),
        Set.of(),
        Set.of(404, 409, 415, 503));
    contract("GET /api/v1/environments/{name}/drift", Set.of(), Set.of(), Set.of(404, 503));
    contract(
        "GET /api/v1/environments/{name}/drift/reports", Set.of("limit"), Set.of(), Set.of(503));
    contract(
        "POST /api/v1/apply", Set.of("dryRun"), Set.of(SOURCE), Set.of(409, 413, 415, 422, 503));
    contract(
        "GET /api/v1/resources", Set.of("kind", "labelSelector"), Set.of(), Set.of(404, 422, 503));
    contract("GET /api/v1/{kind}", Set.of("labelSelector"), Set.of(), Set.of(404, 422, 503));
    contract("GET /api/v1/{kind}/{name}", Set.of(), Set.of(), Set.of(404, 503));
    contract("GET /api/v1/{kind}/{name}/revisions", Set.of(), Set.of(), Set.of(404, 503));
    contract(
        "GET /api/v1/{kind}/{name}/revisions/{revision}", Set.of(), Set.of(), Set.of(404, 503));
    contract("GET /api/v1/whoami", Set.of(), Set.of(), Set.of());
    // An identity of another kind is a 409 beside a lost write; validFor under a minute is a 400.
    contract("POST /api/v1/tokens", Set.of(), Set.of(), Set.of(409, 413, 415, 422));
    contract("GET /api/v1/tokens", Set.of("identity"), Set.of(), Set.of());
    contract("POST /api/v1/tokens/{id}/revoke", Set.of(), Set.of(), Set.of(404, 409, 415));
    contract("GET /api/v1/grants", Set.of("identity"), Set.of(), Set.of());
    contract("POST /api/v1/grants", Set.of(), Set.of(), Set.of(404, 409, 413, 415, 422));
    // The last grant of admin everywhere cannot be revoked: 409.
    contract("POST /api/v1/grants/revoke", Set.of(), Set.of(), Set.of(404, 409, 413, 415, 422));
    // 404 for an unknown release or environment; 422 also for a stored resource that no longer
    // validates; 403 from the handler's check of deploy in the named environment.
    contract("POST /api/v1/plans", Set.of(), Set.of(), Set.of(404, 409, 413, 415, 422));
    contract("GET /api/v1/plans", Set.of("limit"), Set.of(), Set.of());
    contract("GET /api/v1/plans/{id}", Set.of(), Set.of(), Set.of(404));
    // Four eyes: 403 for the requester or an approver no policy names, 409 for a changed digest
    // or a plan that needs no approval.
    contract(
        "POST /api/v1/plans/{id}/approvals", Set.of(), Set.of(), Set.of(404, 409, 413, 415, 422));
    // 409: a plan that refuses or awaits approval, a service's lock held, a variant the target
    // cannot run; or, for a verb, a state that refuses it.
    contract("POST /api/v1/deployments", Set.of(), Set.of(), Set.of(404, 409, 413, 415, 422));
    contract("GET /api/v1/rollouts", Set.of("limit", "service", "environment"), Set.of(), Set.of());
    contract("GET /api/v1/rollouts/{id}", Set.of(), Set.of(), Set.of(404));
    for (String verb : RolloutRoutes.VERBS) {
      contract(
          "POST /api/v1/rollouts/{id}/" + verb,
          Set.of(),
          Set.of(),
          Set.of(404, 409, 413, 415, 422));
    }
    // 403 also for the one who started the rollout: another person must approve it.
    contract(
        "POST /api/v1/rollouts/{id}/approve", Set.of(), Set.of(), Set.of(404, 409, 413, 415, 422));
    contract("GET /api/v1/rollouts/{id}/history", Set.of(), Set.of(), Set.of(404));
    contract("GET /api/v1/rollouts/{id}/replay", Set.of(), Set.of(), Set.of(404, 409));
    contract("GET /api/v1/rollouts/{id}/logs", Set.of("instance", "tail"), Set.of(), Set.of(404));
    contract("GET /api/v1/rollouts/{id}/events", Set.of(), Set.of(), Set.of(404));
    contract(
        "GET /api/v1/reports/delivery",
        Set.of("environment", "service", "window"),
        Set.of(),
        Set.of());
    contract(
        "POST /api/v1/environments/{name}/services/{service}/undo",
        Set.of(),
        Set.of(),
        Set.of(404, 409, 413, 415, 422));
    contract("GET /api/v1/notifications/dead-letters", Set.of("limit"), Set.of(), Set.of());
    contract(
        "POST /api/v1/notifications/dead-letters/{id}/replay",
        Set.of(),
        Set.of(),
        Set.of(404, 409, 413, 415, 422));
    contract("GET /api/v1/notifications/deliveries", Set.of("rollout"), Set.of(), Set.of());
    contract("GET /api/v1/ledger/head", Set.of(), Set.of(), Set.of(404));
    // 409 when two servers sign the same size at once.
    contract("POST /api/v1/ledger/heads", Set.of(), Set.of(), Set.of(409, 413, 415, 422));
    contract("GET /api/v1/ledger/entries", Set.of("after", "limit"), Set.of(), Set.of());
    contract("GET /api/v1/ledger/verify", Set.of(), Set.of(), Set.of());
    // 409 where the stored leaves do not verify, so no honest proof exists.
    contract(
        "GET /api/v1/ledger/proofs/inclusion",
        Set.of("sequence", "treeSize"),
        Set.of(),
        Set.of(404, 409));
    contract("GET /api/v1/ledger/proofs/consistency", Set.of("from", "to"), Set.of(), Set.of(409));
    contract(
        "GET /api/v1/ledger/bundle",
        Set.of("rollout", "release", "environment", "since", "until"),
        Set.of(),
        Set.of(404, 409));
    contract("GET /api/v1/keys", Set.of(), Set.of(), Set.of());
    // 409 for a key that was revoked: it is never trusted again.
    contract("POST /api/v1/keys", Set.of(), Set.of(), Set.of(409, 413, 415, 422));
    contract("POST /api/v1/keys/{id}/revoke", Set.of(), Set.of(), Set.of(404, 409, 415));
  }

  private static void contract(
      String route, Set<String> query, Set<String> headers, Set<Integer> errors) {
    Set<Integer> all = new TreeSet<>(EVERY_ROUTE);
    all.addAll(errors);
    CONTRACTS.put(route, new Contract(query, headers, all));
  }

  /**
   * What the {@link Guard} answers before the handler runs: an API token is looked up in the store
   * (401, 503) and a permission checked (403). Agents' routes and public ones pass as they are.
   */
  private static Set<Integer> guardErrors(Access access) {
    if (access instanceof Access.Needs) {
      return Set.of(401, 403, 503);
    }
    return access instanceof Access.Authenticated ? Set.of(401, 503) : Set.of();
  }

  /**
   * The security scheme the document must name for a route of this access: none for a public route,
   * the agent token for the agents', an API token for every other.
   */
  private static Set<String> scheme(Access access) {
    if (access instanceof Access.Public) {
      return Set.of();
    }
    return access instanceof Access.AgentToken ? Set.of("agentToken") : Set.of("apiToken");
  }

  @TempDir Path home;
  private Services services;
  private ApiServer server;
  private JsonNode document;

  @BeforeEach
  void start() throws Exception {
    services =
        Services.on(
            Database.h2(home, Clock.systemUTC()),
            AgentTokens.of("openapi-token"),
            Clock.systemUTC());
    server = ApiServer.start(services, "127.0.0.1", 0);
    ApiResponse answer =
        Admin.client(services.database(), server.port())
            .exchange("GET", "/api/v1/openapi.json", Map.of(), null);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    document = answer.json();
  }

  @AfterEach
  void stop() {
    server.close();
    services.close();
  }

  private List<RouteTable.Route> served() {
    List<RouteTable.Route> all = new ArrayList<>(server.routes());
    all.addAll(server.streams());
    return all;
  }

  private static String key(RouteTable.Route route) {
    return route.method().name() + " " + route.path();
  }

  @Test
  void every_route_has_a_contract_here_and_every_contract_a_route() {
    assertThat(server.streams())
        .extracting(RouteTable.Route::path)
        .contains(EventStreamRoutes.PATH);
    Set<String> served = new TreeSet<>();
    served().forEach(r -> served.add(key(r)));
    assertThat(CONTRACTS.keySet())
        .as(
            "routes in the RouteTable need an entry in OpenApiTest.CONTRACTS (read the handler for its query parameters, headers and errors)")
        .containsAll(served);
    assertThat(served)
        .as("entries of OpenApiTest.CONTRACTS that are no longer routes")
        .containsAll(CONTRACTS.keySet());
  }

  @Test
  void every_registered_route_and_stream_is_documented() {
    SoftAssertions softly = new SoftAssertions();
    for (RouteTable.Route route : served()) {
      String name = key(route);
      JsonNode item = document.path("paths").path(route.path());
      JsonNode operation = item.path(route.method().name().toLowerCase(java.util.Locale.ROOT));
      if (!operation.isObject()) {
        softly.fail(
            name
                + " is registered in the RouteTable but openapi.json does not document it (paths[\""
                + route.path()
                + "\"]."
                + route.method().name().toLowerCase(java.util.Locale.ROOT)
                + ")");
        continue;
      }
      softly.assertThat(operation.path("summary").asText()).as(name + ": summary").isNotBlank();
      Contract contract =
          CONTRACTS.getOrDefault(name, new Contract(Set.of(), Set.of(), Set.copyOf(EVERY_ROUTE)));
      checkParameters(softly, route, item, operation, contract);
      checkResponses(softly, route, operation, contract);
      checkBody(softly, route, operation);
      checkAccess(softly, route, operation);
    }
    softly.assertAll();
  }

  private void checkParameters(
      SoftAssertions softly,
      RouteTable.Route route,
      JsonNode item,
      JsonNode operation,
      Contract contract) {
    String name = key(route);
    Map<String, Set<String>> declared = new HashMap<>();
    List<JsonNode> parameters = new ArrayList<>();
    item.path("parameters").forEach(parameters::add);
    operation.path("parameters").forEach(parameters::add);
    for (JsonNode reference : parameters) {
      JsonNode parameter = resolve(reference);
      if (parameter.isMissingNode()) {
        softly.fail(name + ": parameter " + reference + " does not resolve");
        continue;
      }
      String in = parameter.path("in").asText();
      String parameterName = parameter.path("name").asText();
      declared
          .computeIfAbsent(in, k -> new TreeSet<>())
          .add(
              "header".equals(in)
                  ? parameterName.toLowerCase(java.util.Locale.ROOT)
                  : parameterName);
      softly
          .assertThat(parameter.has("schema"))
          .as(name + ": parameter " + parameterName + " has a schema")
          .isTrue();
      if ("path".equals(in)) {
        softly
            .assertThat(parameter.path("required").asBoolean())
            .as(name + ": path parameter " + parameterName + " is required")
            .isTrue();
      }
    }
    Set<String> template = new TreeSet<>();
    Matcher matcher = PATH_PARAMETER.matcher(route.path());
    while (matcher.find()) {
      template.add(matcher.group(1));
    }
    softly
        .assertThat(declared.getOrDefault("path", Set.of()))
        .as(name + ": path parameters (in: path)")
        .isEqualTo(template);
    softly
        .assertThat(declared.getOrDefault("query", Set.of()))
        .as(name + ": query parameters its handler reads (in: query)")
        .isEqualTo(new TreeSet<>(contract.query()));
    Set<String> headers = new TreeSet<>();
    contract.headers().forEach(h -> headers.add(h.toLowerCase(java.util.Locale.ROOT)));
    softly
        .assertThat(declared.getOrDefault("header", Set.of()))
        .as(name + ": headers its handler reads (in: header; the token is a security scheme)")
        .isEqualTo(headers);
  }

  private void checkResponses(
      SoftAssertions softly, RouteTable.Route route, JsonNode operation, Contract contract) {
    String name = key(route);
    JsonNode responses = operation.path("responses");
    Set<Integer> success = new TreeSet<>();
    Set<Integer> errors = new TreeSet<>();
    for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
      String code = codes.next();
      softly.assertThat(code).as(name + ": response codes are numbers").matches("[1-5][0-9][0-9]");
      if (!code.matches("[0-9]+")) {
        continue;
      }
      int status = Integer.parseInt(code);
      JsonNode response = resolve(responses.get(code));
      softly
          .assertThat(response.path("description").asText())
          .as(name + " " + code + ": description")
          .isNotBlank();
      if (status >= 200 && status < 300) {
        success.add(status);
        if (server.streams().contains(route)) {
          softly
              .assertThat(response.path("content").has("text/event-stream"))
              .as(name + " " + code + ": text/event-stream")
              .isTrue();
        }
      } else if (status >= 400) {
        errors.add(status);
        JsonNode content = response.path("content");
        softly
            .assertThat(iterable(content.fieldNames()))
            .as(name + " " + code + ": error content")
            .containsExactly(ProblemJson.MEDIA_TYPE);
        softly
            .assertThat(content.path(ProblemJson.MEDIA_TYPE).path("schema").path("$ref").asText())
            .as(name + " " + code + ": error schema")
            .isEqualTo(PROBLEM_SCHEMA);
        if (status == 405) {
          softly
              .assertThat(response.path("headers").has("Allow"))
              .as(name + " 405: the Allow header")
              .isTrue();
        }
      }
    }
    softly.assertThat(success).as(name + ": a 2xx response").isNotEmpty();
    Set<Integer> expected = new TreeSet<>(contract.errors());
    expected.addAll(guardErrors(route.access()));
    softly
        .assertThat(errors)
        .as(name + ": the error responses the route can give (its handler's, and its access's)")
        .isEqualTo(expected);
  }

  private void checkBody(SoftAssertions softly, RouteTable.Route route, JsonNode operation) {
    String name = key(route);
    JsonNode body = resolve(operation.path("requestBody"));
    if (route.consumes().isEmpty()) {
      softly
          .assertThat(operation.has("requestBody"))
          .as(name + " takes no body, so declares no requestBody")
          .isFalse();
      return;
    }
    softly
        .assertThat(body.path("required").asBoolean())
        .as(name + ": requestBody is required")
        .isTrue();
    softly
        .assertThat(new TreeSet<>(iterable(body.path("content").fieldNames())))
        .as(name + ": requestBody media types, exactly those the RouteTable takes")
        .isEqualTo(new TreeSet<>(route.consumes()));
  }

  /**
   * The document and the route table cannot disagree about access: the security the operation names
   * follows from the route's {@link Access}, and a route that needs a permission says which in its
   * description.
   */
  private void checkAccess(SoftAssertions softly, RouteTable.Route route, JsonNode operation) {
    String name = key(route);
    softly
        .assertThat(operation.path("security").isArray())
        .as(name + ": security is stated, [] for a public route")
        .isTrue();
    Set<String> schemes = new TreeSet<>();
    operation
        .path("security")
        .forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
    softly
        .assertThat(schemes)
        .as(name + ": security, as its Access " + route.access() + " asks")
        .isEqualTo(scheme(route.access()));
    if (route.access() instanceof Access.Needs needs) {
      softly
          .assertThat(operation.path("description").asText())
          .as(name + ": the description names the permission it needs")
          .contains("Needs " + needs.permission().label());
    }
  }

  @Test
  void the_document_declares_nothing_that_is_not_served() {
    Set<String> served = new TreeSet<>();
    served().forEach(r -> served.add(key(r)));
    Set<String> documented = new TreeSet<>();
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        field -> {
                          if (METHODS.contains(field)) {
                            documented.add(
                                field.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                          }
                        }));
    documented.removeAll(served);
    assertThat(documented)
        .as("operations in openapi.json that no route of the RouteTable serves (stale)")
        .isEmpty();
    assertThat(document.has("security"))
        .as("no security for all routes: each route names its own")
        .isFalse();
  }

  @Test
  void the_shared_schemas_and_both_tokens_are_declared() {
    assertThat(document.path("openapi").asText()).startsWith("3.1");
    JsonNode problem = document.at("/components/schemas/Problem/properties");
    assertThat(iterable(problem.fieldNames()))
        .contains("type", "title", "status", "detail", "instance", "problems");
    assertThat(iterable(problem.at("/problems/items/properties").fieldNames()))
        .contains("source", "line", "column", "field", "message");
    assertThat(iterable(document.at("/components/schemas/Event/properties").fieldNames()))
        .contains(
            "sequence",
            "time",
            "type",
            "schemaVersion",
            "subject",
            "outcome",
            "reason",
            "inputs",
            "detail");
    for (String scheme : List.of("agentToken", "apiToken")) {
      JsonNode token = document.at("/components/securitySchemes/" + scheme);
      assertThat(token.path("type").asText()).as(scheme).isEqualTo("http");
      assertThat(token.path("scheme").asText()).as(scheme).isEqualTo("bearer");
    }
  }

  @Test
  void every_reference_resolves() {
    List<String> broken = new ArrayList<>();
    references(document, broken);
    assertThat(broken).as("$ref that point nowhere").isEmpty();
  }

  private void references(JsonNode node, List<String> broken) {
    if (node.isObject() && node.has("$ref") && resolve(node).isMissingNode()) {
      broken.add(node.get("$ref").asText());
    }
    node.forEach(child -> references(child, broken));
  }

  /** The node a local {@code $ref} points to, or the node itself. */
  private JsonNode resolve(JsonNode node) {
    JsonNode ref = node.path("$ref");
    if (!ref.isTextual()) {
      return node;
    }
    String pointer = ref.asText();
    if (!pointer.startsWith("#/")) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    return resolve(document.at(pointer.substring(1)));
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
