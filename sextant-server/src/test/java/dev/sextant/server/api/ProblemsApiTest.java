package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.fingerprint.SigningKeys;
import dev.sextant.server.Lab;
import dev.sextant.server.store.AccessDenied;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.LoggedEvent;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The answers to the inputs of issue 17 that were 500s, HTML pages or silently misread. */
class ProblemsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = LabApi.TOKEN;

  @RegisterExtension final LabApi api = new LabApi();

  @Test
  void an_agent_name_with_a_space_is_a_400_with_or_without_a_token() throws Exception {
    String body =
        JSON.createObjectNode()
            .put("name", "lab 1")
            .put("environment", "lab")
            .put(
                "publicKey",
                SigningKeys.encodePublic(SigningKeys.generate(new SecureRandom()).getPublic()))
            .toString();

    assertProblem(
        post(
            "/api/v1/agents",
            Map.of("Content-Type", "application/json", "Authorization", "Bearer wrong"),
            body),
        400,
        "lab 1");
    assertProblem(
        post(
            "/api/v1/agents/gh%20ost/fingerprints",
            Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN), "{}"),
        400,
        "gh ost");
    assertProblem(get("/api/v1/environments/Not_A_Label/drift"), 400, "DNS label");
  }

  @Test
  void dry_run_takes_true_or_false_only_and_anything_else_applies_nothing() throws Exception {
    for (String value : List.of("1", "yes", "ture", "TRUE", "")) {
      RawHttp.Answer answer =
          post(
              "/api/v1/apply?dryRun=" + value,
              Map.of("Content-Type", "application/yaml"),
              yaml("service-" + value.length()));
      assertProblem(answer, 400, "dryRun");
    }
    assertThat(api.services().resources().list(java.util.Optional.empty(), "")).hasSize(1);
    assertThat(
            post(
                    "/api/v1/apply?dryRun=true",
                    Map.of("Content-Type", "application/yaml"),
                    yaml("service-x"))
                .status())
        .isEqualTo(200);
    assertThat(api.services().resources().list(java.util.Optional.empty(), "")).hasSize(1);
  }

  @Test
  void other_query_parameters_are_parsed_strictly() throws Exception {
    assertProblem(get("/api/v1/events?limit=0"), 400, "limit");
    assertProblem(get("/api/v1/events?limit=ten"), 400, "limit");
    assertProblem(
        post("/api/v1/environments/lab/last-known-good?revision=-1", Map.of(), ""),
        400,
        "revision");
    assertProblem(get("/api/v1/environments/lab/fingerprints/0"), 400, "revision");
  }

  @Test
  void a_get_on_a_post_route_is_405_with_allow() throws Exception {
    for (String path :
        List.of("/api/v1/apply", "/api/v1/agents", "/api/v1/environments/lab/last-known-good")) {
      RawHttp.Answer answer = get(path);
      assertProblem(answer, 405, "POST");
      assertThat(answer.header("Allow")).as(path).hasValue("POST");
    }
  }

  @Test
  void a_body_of_another_media_type_is_415_naming_what_the_route_takes() throws Exception {
    assertProblem(
        post(
            "/api/v1/apply",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            yaml("s")),
        415,
        "application/yaml");
    assertProblem(
        post("/api/v1/agents", Map.of("Content-Type", "application/yaml"), "name: x"),
        415,
        "application/json");
  }

  @Test
  void a_malformed_agent_registration_is_reported_as_json_with_its_position() throws Exception {
    RawHttp.Answer answer =
        post(
            "/api/v1/agents",
            Map.of("Content-Type", "application/json"),
            "{\"name\": \"lab-1\",\n \"environment\": }");

    assertProblem(answer, 422, "1 problem");
    JsonNode problem = JSON.readTree(answer.body()).at("/problems/0");
    assertThat(problem.path("message").asText()).startsWith("not valid JSON");
    assertThat(problem.path("line").asInt()).isEqualTo(2);
  }

  @Test
  void malformed_json_declared_as_json_is_reported_as_json_with_its_position() throws Exception {
    RawHttp.Answer answer =
        post(
            "/api/v1/apply",
            Map.of("Content-Type", "application/json", "X-Sextant-Source", "svc.json"),
            "{\"apiVersion\": \"sextant.dev/v1\",\n  \"kind\": }");

    assertProblem(answer, 422, "1 problem");
    JsonNode problem = JSON.readTree(answer.body()).at("/problems/0");
    assertThat(problem.path("message").asText()).startsWith("not valid JSON");
    assertThat(problem.path("text").asText()).startsWith("svc.json:2:").doesNotContain("YAML");
  }

  @Test
  void jetty_refusals_are_problem_json_not_html() throws Exception {
    assertProblem(get("/api/v1/environments/%zz/drift"), 400, "");
    assertProblem(
        RawHttp.send(
            api.server().port(),
            "GET",
            "/healthz",
            Map.of("X-Sextant-Author", "a\u0001b"),
            new byte[0]),
        400,
        "");
    assertProblem(
        api.send(
            "GET",
            "/healthz",
            Map.of("X-Big", "a".repeat(ApiServer.MAX_HEADER_BYTES)),
            new byte[0]),
        431,
        "16384 bytes");
  }

  @Test
  void recording_a_fingerprint_or_marking_last_known_good_needs_an_api_token() throws Exception {
    String fingerprint = FingerprintFiles.json(Lab.host("x86_64"));
    Map<String, String> noToken = Map.of("Content-Type", "application/json", "Authorization", "");

    assertProblem(
        post("/api/v1/environments/lab/fingerprints", noToken, fingerprint),
        401,
        "needs an API token");
    assertProblem(
        post(
            "/api/v1/environments/lab/fingerprints",
            Map.of("Content-Type", "application/json", "Authorization", "Bearer guess-xyz-123"),
            fingerprint),
        401,
        "not known");
    // The agents' token is for agents' own routes, not an API token.
    assertProblem(
        post(
            "/api/v1/environments/lab/fingerprints",
            Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN),
            fingerprint),
        401,
        "not known");
    assertProblem(
        post("/api/v1/environments/lab/last-known-good", Map.of("Authorization", ""), ""),
        401,
        "needs an API token");
    assertThat(api.services().discovery().history("lab")).isEmpty();
    List<LoggedEvent> refusals =
        api.services().events(EventQuery.last(10).ofType(AccessDenied.TYPE));
    assertThat(refusals)
        .hasSize(4)
        .allSatisfy(
            e ->
                assertThat(e.envelope().toString())
                    .contains("anonymous", "/api/v1/environments/lab/", "127.0.0.1")
                    .doesNotContain("guess-xyz-123")
                    .doesNotContain(TOKEN));

    Map<String, String> withToken = Map.of("Content-Type", "application/json");
    assertThat(post("/api/v1/environments/lab/fingerprints", withToken, fingerprint).status())
        .isEqualTo(200);
    assertThat(post("/api/v1/environments/lab/last-known-good", Map.of(), "").status())
        .isEqualTo(200);
  }

  private static String yaml(String name) {
    return """
        apiVersion: sextant.dev/v1
        kind: Service
        metadata:
          name: %s
        spec:
          description: A service.
          owner: team-a
        """
        .formatted(name);
  }

  private RawHttp.Answer get(String path) throws Exception {
    return api.send("GET", path, Map.of(), new byte[0]);
  }

  private RawHttp.Answer post(String path, Map<String, String> headers, String body)
      throws Exception {
    return api.send("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertProblem(RawHttp.Answer answer, int status, String inDetail)
      throws Exception {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type"))
        .as(answer.toString())
        .hasValue(ProblemJson.MEDIA_TYPE);
    assertThat(JSON.readTree(answer.body()).path("detail").asText())
        .as(answer.toString())
        .isNotBlank()
        .contains(inDetail);
  }
}
