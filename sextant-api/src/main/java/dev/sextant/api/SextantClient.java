package dev.sextant.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** {@link SextantApi} over HTTP, through the one {@link ApiClient}. */
public final class SextantClient implements SextantApi {
  private static final ObjectMapper JSON = ApiJson.mapper();
  private static final String INPUTS_MEDIA_TYPE = "application/vnd.sextant.inputs+json";

  private final ApiClient client;

  public SextantClient(ApiClient client) {
    this.client = client;
  }

  /** The transport, for the calls that have no record of their own yet. */
  public ApiClient client() {
    return client;
  }

  @Override
  public ApplyResult apply(List<NamedInput> inputs, boolean dryRun) {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(new ApplyRequest(inputs));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the inputs always serialize", e);
    }
    return convert(
        client.post(
            "api/v1/apply" + (dryRun ? "?dryRun=true" : ""), INPUTS_MEDIA_TYPE, body, Map.of()),
        ApplyResult.class);
  }

  @Override
  public Optional<ResourceRevision> resource(String kind, String name) {
    return client.get(resourcePath(kind, name)).map(json -> convert(json, ResourceRevision.class));
  }

  @Override
  public ResourceList resources(Optional<String> kind, String labelSelector) {
    String path = kind.map(k -> "api/v1/" + segment(k)).orElse("api/v1/resources");
    if (labelSelector != null && !labelSelector.isBlank()) {
      path += "?labelSelector=" + segment(labelSelector);
    }
    return convert(client.get(path).orElseThrow(), ResourceList.class);
  }

  @Override
  public Optional<ResourceHistory> history(String kind, String name) {
    return client
        .get(resourcePath(kind, name) + "/revisions")
        .map(json -> convert(json, ResourceHistory.class));
  }

  @Override
  public Optional<ResourceRevision> revision(String kind, String name, long number) {
    return client
        .get(resourcePath(kind, name) + "/revisions/" + number)
        .map(json -> convert(json, ResourceRevision.class));
  }

  private static String resourcePath(String kind, String name) {
    return "api/v1/" + segment(kind) + "/" + segment(name);
  }

  @Override
  public AgentRegistrationResponse registerAgent(AgentRegistrationRequest registration) {
    return convert(
        client.post("api/v1/agents", JSON.valueToTree(registration)),
        AgentRegistrationResponse.class);
  }

  @Override
  public FingerprintRecorded reportFingerprint(String agent, String fingerprintJson) {
    return convert(
        client.post(
            "api/v1/agents/" + segment(agent) + "/fingerprints",
            "application/json",
            fingerprintJson.getBytes(StandardCharsets.UTF_8),
            Map.of()),
        FingerprintRecorded.class);
  }

  @Override
  public Optional<FingerprintHistory> fingerprints(String environment) {
    return client
        .get(environmentPath(environment) + "/fingerprints")
        .map(json -> convert(json, FingerprintHistory.class));
  }

  @Override
  public Optional<FingerprintDocument> fingerprint(String environment, long number) {
    return client
        .get(environmentPath(environment) + "/fingerprints/" + number)
        .map(json -> convert(json, FingerprintDocument.class));
  }

  @Override
  public Optional<FingerprintDocument> latestFingerprint(String environment) {
    return client
        .get(environmentPath(environment) + "/fingerprints/latest")
        .map(json -> convert(json, FingerprintDocument.class));
  }

  @Override
  public FingerprintRecorded recordFingerprint(
      String environment, NamedInput input, String mediaType) {
    return convert(
        client.post(
            environmentPath(environment) + "/fingerprints",
            mediaType,
            input.content(),
            Map.of("X-Sextant-Source", input.name())),
        FingerprintRecorded.class);
  }

  @Override
  public LastKnownGood acceptFingerprint(String environment, Optional<Long> revision) {
    return convert(
        client.post(
            environmentPath(environment)
                + "/last-known-good"
                + revision.map(n -> "?revision=" + n).orElse(""),
            "application/json",
            new byte[0],
            Map.of()),
        LastKnownGood.class);
  }

  @Override
  public Optional<EnvironmentDrift> drift(String environment) {
    return client
        .get(environmentPath(environment) + "/drift")
        .map(json -> convert(json, EnvironmentDrift.class));
  }

  @Override
  public DriftReports driftReports(String environment, int limit) {
    return convert(
        client.get(environmentPath(environment) + "/drift/reports?limit=" + limit).orElseThrow(),
        DriftReports.class);
  }

  private static String environmentPath(String environment) {
    return "api/v1/environments/" + segment(environment);
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

  @Override
  public NotificationDeliveries deadLetters(int limit) {
    return convert(
        client.get("api/v1/notifications/dead-letters?limit=" + limit).orElseThrow(),
        NotificationDeliveries.class);
  }

  @Override
  public NotificationDelivery replay(long id) {
    return convert(
        client.post(
            "api/v1/notifications/dead-letters/" + id + "/replay",
            JsonNodeFactory.instance.objectNode()),
        NotificationDelivery.class);
  }

  @Override
  public NotificationDeliveries deliveries(String rollout) {
    return convert(
        client.get("api/v1/notifications/deliveries?rollout=" + segment(rollout)).orElseThrow(),
        NotificationDeliveries.class);
  }

  @Override
  public DeliveryReport deliveryReport(DeliveryReportRequest request) {
    return convert(client.get(request.path()).orElseThrow(), DeliveryReport.class);
  }

  @Override
  public Optional<LedgerHead> ledgerHead() {
    return client.get("api/v1/ledger/head").map(json -> convert(json, LedgerHead.class));
  }

  @Override
  public LedgerHead publishLedgerHead() {
    return convert(
        client.post("api/v1/ledger/heads", JsonNodeFactory.instance.objectNode()),
        LedgerHead.class);
  }

  @Override
  public LedgerLog ledgerLog(long after, int limit) {
    String query = after > 0 ? "after=" + after + "&limit=" + limit : "limit=" + limit;
    return convert(client.get("api/v1/ledger/entries?" + query).orElseThrow(), LedgerLog.class);
  }

  @Override
  public LedgerCheck verifyLedger() {
    return convert(client.get("api/v1/ledger/verify").orElseThrow(), LedgerCheck.class);
  }

  @Override
  public Optional<LedgerInclusionProof> ledgerInclusionProof(
      long sequence, Optional<Long> treeSize) {
    String query = "sequence=" + sequence + treeSize.map(size -> "&treeSize=" + size).orElse("");
    return client
        .get("api/v1/ledger/proofs/inclusion?" + query)
        .map(json -> convert(json, LedgerInclusionProof.class));
  }

  @Override
  public LedgerConsistencyProof ledgerConsistencyProof(long from, long to) {
    return convert(
        client.get("api/v1/ledger/proofs/consistency?from=" + from + "&to=" + to).orElseThrow(),
        LedgerConsistencyProof.class);
  }

  @Override
  public String evidenceBundle(
      String scope, String name, Optional<Instant> since, Optional<Instant> until) {
    return client.text(
        "api/v1/ledger/bundle?"
            + segment(scope)
            + "="
            + segment(name)
            + since.map(s -> "&since=" + s).orElse("")
            + until.map(u -> "&until=" + u).orElse(""),
        "application/json");
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
