package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the store refuses before any SQL runs: malformed records, and secrets in events. */
class StoreInputsTest {
  private static final Digest DIGEST = Digest.sha256("x".getBytes(StandardCharsets.UTF_8));
  private static final String SUBJECT = "environment/prod-eu";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "token",
        "accessToken",
        "refresh_token",
        "Authorization",
        "client_secret",
        "secrets",
        "password",
        "DB_PASSWORD",
        "passwd",
        "apiKey",
        "api_key",
        "X-API-KEY",
        "privateKey",
        "private-key",
        "awsAccessKey",
        "credentials",
        "cookie",
        "bearerToken2"
      })
  void an_event_detail_field_named_like_a_secret_is_refused(String name) {
    ObjectNode detail = JsonNodeFactory.instance.objectNode();
    detail.putObject("agent").putArray("headers").addObject().put(name, "xyz");

    assertThatThrownBy(() -> envelope("agent.registered", SUBJECT, "registered", detail))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "an event of type agent.registered must not carry secrets, and its detail field"
                + " /agent/headers/0/"
                + name
                + " is named like one; pass a reference or leave it out");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tokenizer",
        "tokenizerDigest",
        "publicKey",
        "keyId",
        "signerKeyId",
        "secretRef",
        "passwordFile",
        "tokenId",
        "dbSecretName",
        "digest",
        "source",
        "passes",
        "monkey"
      })
  void an_event_detail_field_with_an_innocent_name_or_naming_a_reference_is_kept(String name) {
    ObjectNode detail = JsonNodeFactory.instance.objectNode().put(name, "value");
    assertThat(envelope("a.b", SUBJECT, "ok", detail).detail()).isEqualTo(detail);
  }

  @Test
  void an_event_input_named_like_a_secret_is_refused() {
    assertThatThrownBy(
            () ->
                new EventEnvelope(
                    "a.b",
                    1,
                    SUBJECT,
                    "ok",
                    Optional.empty(),
                    new TreeMap<>(Map.of("apiToken", DIGEST)),
                    JsonNodeFactory.instance.objectNode()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input apiToken is named like one");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"recorded", "Fingerprint.recorded", "fingerprint.", "fingerprint recorded"})
  void a_malformed_event_type_is_refused(String type) {
    assertThatThrownBy(() -> envelope(type, SUBJECT, "ok", JsonNodeFactory.instance.objectNode()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an event type must be dotted lower-case words");
  }

  @ParameterizedTest
  @ValueSource(strings = {"prod-eu", "environment/", "environment/prod eu", "/prod-eu", " "})
  void a_subject_that_is_not_kind_slash_name_is_refused(String subject) {
    assertThatThrownBy(() -> envelope("a.b", subject, "ok", JsonNodeFactory.instance.objectNode()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an event subject");
  }

  @Test
  void an_event_is_a_value_that_its_callers_cannot_change() {
    ObjectNode detail = JsonNodeFactory.instance.objectNode().put("revision", 1);
    EventEnvelope event = envelope("a.b", SUBJECT, "ok", detail);

    detail.put("revision", 2);
    event.detail().put("revision", 3);

    assertThat(event.detail().path("revision").asInt()).isEqualTo(1);
    assertThatThrownBy(() -> event.inputs().put("x", DIGEST))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, EventQuery.MAX_LIMIT + 1})
  void an_event_query_limit_out_of_range_is_refused(int limit) {
    assertThatThrownBy(() -> EventQuery.last(limit)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_public_key_that_is_not_base64_is_refused() {
    assertThatThrownBy(() -> new AgentRegistration("gpu-01", "prod-eu", "not base64!", "key-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a public key must be base64 text");
    assertThatCode(
            () ->
                new AgentRegistration(
                    "gpu-01", "prod-eu", AgentRepositoryContractTest.publicKey(), "key-1"))
        .doesNotThrowAnyException();
  }

  @Test
  void a_drift_report_without_differences_takes_no_action() {
    ObjectNode report = JsonNodeFactory.instance.objectNode();

    assertThatThrownBy(
            () ->
                new DriftReportRecord(
                    "prod-eu", DriftKind.DECLARED, DIGEST, DIGEST, 0, DriftAction.BLOCK, report))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a drift report without differences takes no action, not block");
    assertThatThrownBy(
            () ->
                new DriftReportRecord(
                    "prod-eu", DriftKind.DECLARED, DIGEST, DIGEST, -1, DriftAction.NONE, report))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_fingerprint_without_a_source_is_refused() {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    LayerDigests layers = new LayerDigests(DIGEST, DIGEST, DIGEST);

    assertThatThrownBy(
            () ->
                new FingerprintRecord(
                    DIGEST, layers, Instant.EPOCH, "", Optional.empty(), document))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the source of a fingerprint must not be blank");
  }

  @Test
  void the_kinds_and_actions_of_drift_have_the_words_the_schema_allows() {
    assertThat(DriftKind.LAST_KNOWN_GOOD.word()).isEqualTo("last-known-good");
    assertThat(DriftKind.fromWord("declared")).contains(DriftKind.DECLARED);
    assertThat(DriftAction.fromWord("block")).contains(DriftAction.BLOCK);
    assertThat(DriftAction.fromWord("BLOCK")).isEmpty();
  }

  private static EventEnvelope envelope(
      String type, String subject, String outcome, ObjectNode detail) {
    return new EventEnvelope(type, 1, subject, outcome, Optional.empty(), new TreeMap<>(), detail);
  }
}
