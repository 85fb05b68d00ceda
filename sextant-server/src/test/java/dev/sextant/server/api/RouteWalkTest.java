package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route the server registers, walked with malformed input: bad path parameters, headers over
 * the limit or with control characters, bodies of the wrong media type, malformed JSON, JSON where
 * YAML is declared, a method the route does not take. Each answer must be a 4xx problem+json with a
 * detail, never a 5xx or an HTML page. A new route is walked without a change here, since the
 * routes come from the server's own table.
 */
class RouteWalkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = LabApi.TOKEN;

  /** What each kind of path parameter is, when it is well-formed. */
  private static final Map<String, String> SAMPLES =
      Map.of("kind", "environments", "name", "lab", "revision", "1", "id", "plan-1");

  private static final List<String> MALFORMED_SEGMENTS =
      List.of("%zz", "a%20b", "x".repeat(300), "a%01b", "%0A", "%E2%80");

  @RegisterExtension final LabApi api = new LabApi();

  @Test
  void the_route_table_is_walked_in_full() {
    assertThat(api.server().routes()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(api.server().routes())
        .anySatisfy(r -> assertThat(r.path()).isEqualTo("/api/v1/apply"));
  }

  @Test
  void malformed_path_parameters_are_4xx_problems_on_every_route() throws Exception {
    SoftAssertions softly = new SoftAssertions();
    for (RouteTable.Route route : api.server().routes()) {
      List<String> segments = List.of(route.path().split("/", -1));
      for (int i = 0; i < segments.size(); i++) {
        if (!segments.get(i).startsWith("{")) {
          continue;
        }
        for (String bad : MALFORMED_SEGMENTS) {
          List<String> path = new ArrayList<>(sample(route));
          path.set(i, bad);
          RawHttp.Answer answer =
              send(route.method().name(), String.join("/", path), Map.of(), new byte[0]);
          expectProblem(softly, route + " with " + segments.get(i) + "=" + abbreviate(bad), answer);
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void headers_over_the_limit_or_with_control_characters_are_4xx_problems_on_every_route()
      throws Exception {
    SoftAssertions softly = new SoftAssertions();
    for (RouteTable.Route route : api.server().routes()) {
      String path = String.join("/", sample(route));
      for (String header : List.of("X-Sextant-Author", "Authorization")) {
        RawHttp.Answer huge =
            send(
                route.method().name(),
                path,
                Map.of(header, "a".repeat(ApiServer.MAX_HEADER_BYTES + 1)),
                new byte[0]);
        expectProblem(softly, route + " with an over-long " + header, huge);
        softly.assertThat(huge.status()).as(route + " with an over-long " + header).isEqualTo(431);
        RawHttp.Answer control =
            send(route.method().name(), path, Map.of(header, "alice\u0001\u007f"), new byte[0]);
        expectProblem(softly, route + " with a control character in " + header, control);
        // Long but under Jetty's limit: a route that reads the header refuses it, the others ignore
        // it.
        RawHttp.Answer longText =
            send(
                route.method().name(),
                path,
                Map.of(header, "Bearer " + "b".repeat(300)),
                new byte[0]);
        softly
            .assertThat(longText.status())
            .as(route + " with a long " + header + ": " + longText)
            .isLessThan(500);
        if (longText.status() >= 400) {
          expectProblem(softly, route + " with a long " + header, longText);
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void bodies_of_the_wrong_media_type_malformed_json_and_json_as_yaml_are_4xx_problems()
      throws Exception {
    SoftAssertions softly = new SoftAssertions();
    for (RouteTable.Route route : api.server().routes()) {
      if (route.method() == HandlerType.GET) {
        continue;
      }
      String path = String.join("/", sample(route));
      RawHttp.Answer html =
          send("POST", path, Map.of("Content-Type", "text/html"), bytes("<html></html>"));
      expectProblem(softly, route + " with text/html", html);
      softly.assertThat(html.status()).as(route + " with text/html").isEqualTo(415);

      RawHttp.Answer broken =
          send(
              "POST",
              path,
              Map.of("Content-Type", "application/json"),
              bytes("{\"name\": \"lab\","));
      expectProblem(softly, route + " with malformed JSON", broken);
      if (!route.consumes().isEmpty()) {
        softly
            .assertThat(broken.body())
            .as(route + " with malformed JSON")
            .contains("not valid JSON")
            .doesNotContain("YAML");
      }

      RawHttp.Answer jsonAsYaml =
          send(
              "POST",
              path,
              Map.of("Content-Type", "application/yaml"),
              bytes("{\"name\": \"lab\"}"));
      expectProblem(softly, route + " with JSON declared as YAML", jsonAsYaml);
    }
    softly.assertAll();
  }

  @Test
  void a_method_a_route_does_not_take_is_405_with_an_allow_header() throws Exception {
    SoftAssertions softly = new SoftAssertions();
    for (RouteTable.Route route : api.server().routes()) {
      RawHttp.Answer answer =
          send("DELETE", String.join("/", sample(route)), Map.of(), new byte[0]);
      expectProblem(softly, "DELETE on " + route, answer);
      softly.assertThat(answer.status()).as("DELETE on " + route).isEqualTo(405);
      softly
          .assertThat(answer.header("Allow"))
          .as("DELETE on " + route)
          .hasValueSatisfying(allow -> assertThat(allow).contains(route.method().name()));
    }
    softly.assertAll();
  }

  private static List<String> sample(RouteTable.Route route) {
    List<String> path = new ArrayList<>();
    for (String segment : route.path().split("/", -1)) {
      path.add(
          segment.startsWith("{")
              ? SAMPLES.getOrDefault(segment.substring(1, segment.length() - 1), "x")
              : segment);
    }
    return path;
  }

  private RawHttp.Answer send(String method, String path, Map<String, String> headers, byte[] body)
      throws Exception {
    return api.send(method, path, headers, body);
  }

  private static void expectProblem(SoftAssertions softly, String what, RawHttp.Answer answer) {
    softly
        .assertThat(answer.status())
        .as(what + ": " + abbreviate(answer.toString()))
        .isBetween(400, 499);
    softly
        .assertThat(answer.header("Content-Type"))
        .as(what + ": " + abbreviate(answer.toString()))
        .hasValue(ProblemJson.MEDIA_TYPE);
    try {
      JsonNode problem = JSON.readTree(answer.body());
      softly.assertThat(problem.path("detail").asText()).as(what + ": detail").isNotBlank();
      softly
          .assertThat(problem.path("status").asInt())
          .as(what + ": status in the body")
          .isEqualTo(answer.status());
    } catch (Exception e) {
      softly.fail(what + ": the body is not JSON: " + abbreviate(answer.body()));
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
