package dev.sextant.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementTest {
  private static final String SHA = "b".repeat(64);

  @Test
  void unknown_fields_are_ignored_and_null_means_unset_as_the_parsing_rules_say() {
    Statement statement =
        parse(
            """
            {"_type":"https://in-toto.io/Statement/v1","extension":{"x":1},
             "subject":[{"name":null,"uri":"oci://ghcr.io/acme/api","digest":{"sha256":"%s","sha512":"ff"},
                         "annotations":{"signed":true}}],
             "predicateType":"https://example.com/test/v1","predicate":null}
            """
                .formatted(SHA.toUpperCase()));

    assertThat(statement.subject()).hasSize(1);
    assertThat(statement.subject().get(0).name()).isEmpty();
    assertThat(statement.subject().get(0).uri()).contains("oci://ghcr.io/acme/api");
    assertThat(statement.subject().get(0).sha256()).as("lower-cased").contains(SHA);
    assertThat(statement.predicate().isEmpty()).isTrue();
    assertThat(statement.predicateType()).isEqualTo("https://example.com/test/v1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"subject\":[]} | statement: _type: required, missing",
        "{\"_type\":\"https://in-toto.io/Statement/v0.1\"} | statement: _type: expected"
            + " https://in-toto.io/Statement/v1, found https://in-toto.io/Statement/v0.1",
        "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[]} | statement: subject:"
            + " required, at least one artifact",
        "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"uri\":\"x\"}]} |"
            + " statement: subject[0].digest: required, a subject is matched by it",
        "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"a\"}]} |"
            + " statement: subject[0]: names no artifact: one of uri, digest or content is required",
        "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"digest\":{\"sha256\":\"abc\"}}]}"
            + " | statement: subject[0].digest.sha256: expected 64 hex digits, found 3 characters",
        "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"digest\":{\"sha256\":7}}]}"
            + " | statement: subject[0].digest.sha256: expected a string, found number",
        "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":{}} | statement: subject:"
            + " expected an array, found object",
        "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"digest\":{\"gitCommit\":\"1a\"}}]}"
            + " | statement: predicateType: required, missing",
      })
  void a_statement_missing_or_misspelling_a_field_is_refused_naming_it(
      String json, String message) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(MalformedAttestationException.class)
        .hasMessage(message);
  }

  @Test
  void the_slsa_predicate_requires_what_build_level_1_requires() {
    Statement statement =
        parse(
            """
            {"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{"sha256":"%s"}}],
             "predicateType":"https://slsa.dev/provenance/v1",
             "predicate":{"buildDefinition":{"buildType":"https://example.com/make/v1"},
                          "runDetails":{"builder":{"id":"https://example.com/ci"}}}}
            """
                .formatted(SHA));

    SlsaProvenance provenance = SlsaProvenance.of(statement);

    assertThat(provenance.builderId()).isEqualTo("https://example.com/ci");
    assertThat(provenance.buildType()).isEqualTo("https://example.com/make/v1");
    assertThat(provenance.externalParameters().isEmpty()).isTrue();
    assertThat(provenance.resolvedDependencies()).isEmpty();
    assertThat(provenance.metadata().invocationId()).isEqualTo(Optional.empty());
    assertThatThrownBy(
            () ->
                SlsaProvenance.of(
                    new Statement(
                        statement.subject(),
                        SlsaProvenance.PREDICATE_TYPE,
                        statement.predicate().without("buildDefinition"))))
        .hasMessage("predicate: buildDefinition: required, missing");
  }

  private static Statement parse(String json) {
    return Statement.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
