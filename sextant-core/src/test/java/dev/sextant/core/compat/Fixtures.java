package dev.sextant.core.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.resource.spec.Requirement;
import dev.sextant.core.schema.Examples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The project's example fingerprints and requirements written as a release would write them. */
public final class Fixtures {
  /** Tests run in the module's folder; the fingerprints sit beside the modules. */
  public static final Path FINGERPRINTS = Path.of("..", "fingerprints");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML_MAPPER =
      new ObjectMapper().registerModule(new Jdk8Module());

  private Fixtures() {}

  /** A fingerprint from {@code fingerprints/}, such as {@code t4.yaml}. */
  public static Fingerprint fingerprint(String name) {
    try {
      return FingerprintFiles.parse(name, Files.readAllBytes(FINGERPRINTS.resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A requirement from YAML as a release writes it, e.g. {@code "{fact: memory.total, min: 16Gi}"}.
   */
  public static Requirement yaml(String yaml) {
    try {
      return YAML_MAPPER.treeToValue(Examples.parse(yaml), Requirement.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A fingerprint of exactly these facts. */
  public static Fingerprint facts(Map<String, Fact> facts) {
    return Fingerprint.of(facts);
  }

  /** {@code rule: <rule>} with {@code with:} given as JSON, e.g. {@code {"toolkit": "12.4"}}. */
  public static Requirement rule(String rule, String withJson) {
    try {
      ObjectNode with = (ObjectNode) JSON.readTree(withJson);
      return new Requirement(
          Optional.empty(),
          "",
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.of(rule),
          with);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Prepares the requirement with the validator registered for its rule, as a plan would. */
  public static Finding check(String rule, String withJson, Fingerprint fingerprint) {
    return Validators.standard().get(rule).prepare(rule(rule, withJson)).evaluate(fingerprint);
  }
}
