package dev.sextant.cli.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiJson;
import dev.sextant.api.ApiProblem;
import dev.sextant.api.AppliedResource;
import dev.sextant.api.ApplyResult;
import dev.sextant.api.NamedInput;
import dev.sextant.api.ResourceList;
import dev.sextant.api.ResourceRevision;
import dev.sextant.api.ResourceStatus;
import dev.sextant.api.SextantApi;
import dev.sextant.api.SextantClient;
import dev.sextant.cli.CliException;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.Input;
import dev.sextant.server.api.RevisionJson;
import dev.sextant.server.store.ApplyOutcome;
import dev.sextant.server.store.Revision;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A sextant server reached over HTTP. Files are sent as they were read, so the server validates the
 * same bytes and reports the same problems; problem+json answers become the same exceptions the
 * local store throws.
 */
public final class RemoteBackend implements Backend {
  private static final ObjectMapper JSON = ApiJson.mapper();

  private final SextantApi sextant;
  private final ApiClient api;
  private final Optional<String> token;

  public RemoteBackend(String url) {
    this(url, Optional.empty());
  }

  /**
   * @param token the API token sent with every request, which says who asks
   */
  public RemoteBackend(String url, Optional<String> token) {
    this.token = token;
    try {
      this.api = new ApiClient(URI.create(url), token);
    } catch (IllegalArgumentException e) {
      throw CliException.invalid(
          "--server \"" + url + "\" is not a valid URL; expected e.g. http://localhost:7070");
    }
    this.sextant = new SextantClient(api);
  }

  @Override
  public ApiClient api() {
    return api;
  }

  @Override
  public List<ApplyOutcome> apply(List<Input> inputs, String author) {
    List<NamedInput> named = inputs.stream().map(i -> new NamedInput(i.name(), i.bytes())).toList();
    ApplyResult result = call(() -> sextant.apply(named, false));
    List<ApplyOutcome> outcomes = new ArrayList<>();
    for (AppliedResource applied : result.results().orElse(List.of())) {
      ResourceKey key = new ResourceKey(kindNamed(applied.kind()), applied.name());
      outcomes.add(
          new ApplyOutcome(
              revision(key, applied.status(), JSON.createObjectNode()),
              RevisionJson.change(applied.change())));
    }
    return outcomes;
  }

  @Override
  public Optional<Revision> latest(ResourceKey key) {
    return call(() -> sextant.resource(key.kind().plural(), key.name()))
        .map(RemoteBackend::revision);
  }

  @Override
  public List<Revision> list(Optional<Kind> kind, String labelSelector) {
    ResourceList list = call(() -> sextant.resources(kind.map(Kind::plural), labelSelector));
    return list.items().stream().map(RemoteBackend::revision).toList();
  }

  @Override
  public List<Revision> history(ResourceKey key) {
    return call(() -> sextant.history(key.kind().plural(), key.name()))
        .map(h -> h.items().stream().map(s -> revision(key, s, JSON.createObjectNode())).toList())
        .orElse(List.of());
  }

  @Override
  public Optional<Revision> revision(ResourceKey key, long number) {
    return call(() -> sextant.revision(key.kind().plural(), key.name(), number))
        .map(RemoteBackend::revision);
  }

  private static Revision revision(ResourceRevision resource) {
    return revision(
        new ResourceKey(kindNamed(resource.kind()), resource.name()),
        resource.status(),
        resource.document());
  }

  private static Revision revision(ResourceKey key, ResourceStatus status, ObjectNode document) {
    return new Revision(
        key,
        status.revision(),
        new Digest(status.digest()),
        status.appliedBy(),
        Instant.parse(status.appliedAt()),
        document);
  }

  private static Kind kindNamed(String displayName) {
    return Kind.fromDisplayName(displayName)
        .orElseThrow(
            () -> new IllegalArgumentException("unknown kind in response: " + displayName));
  }

  @Override
  public JsonNode drift(String environment) {
    return tree(
        call(() -> sextant.drift(environment))
            .orElseThrow(
                () ->
                    CliException.notFound(
                        "environment " + environment + " is not declared and has no fingerprint")));
  }

  @Override
  public Optional<JsonNode> latestFingerprint(String environment) {
    return call(() -> sextant.latestFingerprint(environment)).map(RemoteBackend::tree);
  }

  @Override
  public JsonNode acceptFingerprint(String environment, String by) {
    return tree(call(() -> sextant.acceptFingerprint(environment, Optional.empty())));
  }

  @Override
  public JsonNode recordFingerprint(String environment, Input input, String by) {
    return tree(
        call(
            () ->
                sextant.recordFingerprint(
                    environment, new NamedInput(input.name(), input.bytes()), contentType(input))));
  }

  /**
   * A record as the tree the server sent, for the commands that print or read the answer as JSON.
   */
  private static JsonNode tree(Object record) {
    try {
      return JSON.readTree(JSON.writeValueAsString(record));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("an API record always serialises", e);
    }
  }

  /** A fingerprint file is JSON or YAML; JSON starts with a brace, once blanks are skipped. */
  private static String contentType(Input input) {
    String text = new String(input.bytes(), StandardCharsets.UTF_8).stripLeading();
    return text.startsWith("{") ? "application/json" : "application/yaml";
  }

  @Override
  public void close() {}

  /** The answer of a call; a failure as the same exception the local store would throw. */
  private <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (ApiProblem problem) {
      throw ApiProblems.asCliFailure(problem);
    }
  }
}
