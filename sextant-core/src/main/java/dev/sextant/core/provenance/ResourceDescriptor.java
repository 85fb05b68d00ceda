package dev.sextant.core.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An artifact as in-toto names one (attestation {@code spec/v1/resource_descriptor.md}): a
 * statement's subject, or a material a build resolved. Of the descriptor's fields, the ones a
 * policy reads are kept: name, uri and the digest set.
 *
 * @param digest algorithm to hex value, e.g. {@code sha256} or {@code gitCommit}
 */
public record ResourceDescriptor(
    Optional<String> name, Optional<String> uri, Map<String, String> digest) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  public ResourceDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uri, "uri");
    digest = Collections.unmodifiableMap(new TreeMap<>(digest));
  }

  /** The sha256 digest, in lower-case hex. */
  public Optional<String> sha256() {
    return Optional.ofNullable(digest.get("sha256"));
  }

  /** Reads a descriptor, which the specification requires to name one of uri, digest or content. */
  static ResourceDescriptor read(AttestationJson json, JsonNode node, String path) {
    ObjectNode object = json.object(node, path);
    Optional<String> name = json.optionalText(object, path, "name");
    Optional<String> uri = json.optionalText(object, path, "uri");
    Map<String, String> digest = new TreeMap<>();
    ObjectNode digests = json.optionalObject(object, path, "digest");
    String digestPath = AttestationJson.join(path, "digest");
    digests
        .fieldNames()
        .forEachRemaining(
            algorithm ->
                json.optionalText(digests, digestPath, algorithm)
                    .ifPresent(
                        value -> digest.put(algorithm, hex(json, digestPath, algorithm, value))));
    if (uri.isEmpty() && digest.isEmpty() && json.optionalText(object, path, "content").isEmpty()) {
      throw json.fail(path, "names no artifact: one of uri, digest or content is required");
    }
    return new ResourceDescriptor(name, uri, digest);
  }

  private static String hex(AttestationJson json, String path, String algorithm, String value) {
    if (!algorithm.equals("sha256")) {
      return value;
    }
    if (!SHA256.matcher(value).matches()) {
      throw json.fail(
          AttestationJson.join(path, algorithm),
          "expected 64 hex digits, found " + value.length() + " characters");
    }
    return value.toLowerCase(Locale.ROOT);
  }
}
