package dev.sextant.core.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An in-toto Statement v1 (attestation {@code spec/v1/statement.md}): what the attestation is about
 * (its subjects, matched by digest) and what it says of them (a typed predicate). Read only from a
 * payload whose envelope has verified, since nothing in it is signed on its own.
 *
 * @param subject the artifacts, each with a digest set
 * @param predicate the predicate's fields, read further by the type's own record ({@link
 *     SlsaProvenance})
 */
public record Statement(
    List<ResourceDescriptor> subject, String predicateType, ObjectNode predicate) {
  /** The {@code _type} of this version. */
  public static final String TYPE = "https://in-toto.io/Statement/v1";

  private static final AttestationJson JSON = new AttestationJson("statement");

  public Statement {
    subject = List.copyOf(subject);
    Objects.requireNonNull(predicateType, "predicateType");
    predicate = Objects.requireNonNull(predicate, "predicate").deepCopy();
  }

  /**
   * Reads a statement from a DSSE payload of type {@link Dsse#IN_TOTO}: {@code _type} must be this
   * version's, and every subject must carry a digest. Unknown fields are ignored, as the in-toto
   * parsing rules require.
   *
   * @throws MalformedAttestationException naming the field that is missing or wrong
   */
  public static Statement parse(byte[] payload) {
    ObjectNode root = JSON.read(payload);
    String type = JSON.requireText(root, "", "_type");
    if (!type.equals(TYPE)) {
      throw JSON.fail("_type", "expected " + TYPE + ", found " + type);
    }
    List<JsonNode> elements = JSON.array(root, "", "subject");
    if (elements.isEmpty()) {
      throw JSON.fail("subject", "required, at least one artifact");
    }
    List<ResourceDescriptor> subject = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      String path = AttestationJson.element("", "subject", i);
      ResourceDescriptor descriptor = ResourceDescriptor.read(JSON, elements.get(i), path);
      if (descriptor.digest().isEmpty()) {
        throw JSON.fail(
            AttestationJson.join(path, "digest"), "required, a subject is matched by it");
      }
      subject.add(descriptor);
    }
    return new Statement(
        subject,
        JSON.requireText(root, "", "predicateType"),
        JSON.optionalObject(root, "", "predicate"));
  }

  /** A copy, so that callers cannot change this value. */
  @Override
  public ObjectNode predicate() {
    return predicate.deepCopy();
  }
}
