package dev.sextant.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** {@link SextantApi} over HTTP, through the one {@link ApiClient}. */
public final class SextantClient implements SextantApi {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          // A newer server may say more; this client reads what it knows.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final ApiClient client;

  public SextantClient(ApiClient client) {
    this.client = client;
  }

  /** The transport, for the calls that have no record of their own yet. */
  public ApiClient client() {
    return client;
  }

  @Override
  public AgentRegistrationResponse registerAgent(AgentRegistrationRequest registration) {
    return convert(
        client.post("api/v1/agents", JSON.valueToTree(registration)),
        AgentRegistrationResponse.class);
  }

  @Override
  public JsonNode reportFingerprint(String agent, String fingerprintJson) {
    return client.post(
        "api/v1/agents/" + segment(agent) + "/fingerprints",
        "application/json",
        fingerprintJson.getBytes(StandardCharsets.UTF_8),
        Map.of());
  }

  @Override
  public List<EventItem> events(Optional<String> type, int limit) {
    String query = "?limit=" + limit + type.map(t -> "&type=" + segment(t)).orElse("");
    List<EventItem> events = new ArrayList<>();
    client
        .get("api/v1/events" + query)
        .orElseThrow()
        .path("items")
        .forEach(item -> events.add(convert(item, EventItem.class)));
    return events;
  }

  @Override
  public void streamEvents(long after, Predicate<EventItem> each) {
    client.stream(
        "api/v1/events/stream?after=" + after,
        event -> each.test(convert(parse(event.data()), EventItem.class)));
  }

  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new ApiProblem(
          200,
          "about:blank",
          ProblemKind.INTERNAL,
          "the server sent an event that is not JSON",
          List.of());
    }
  }

  private static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return JSON.treeToValue(node, type);
    } catch (IOException e) {
      throw new ApiProblem(
          200,
          "about:blank",
          ProblemKind.INTERNAL,
          "the server's answer is not a " + type.getSimpleName() + ": " + e.getMessage(),
          List.of());
    }
  }
}
