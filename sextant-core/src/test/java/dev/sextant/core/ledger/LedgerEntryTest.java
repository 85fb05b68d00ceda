package dev.sextant.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LedgerEntryTest {
  private static final Digest PLAN = new Digest("sha256:" + "a".repeat(64));
  private static final Digest FINGERPRINT = new Digest("sha256:" + "b".repeat(64));

  /** The entry the README quotes: its bytes and leaf are the encoding's contract. */
  static LedgerEntry sample() {
    SortedMap<String, Digest> inputs = new TreeMap<>();
    inputs.put("plan", PLAN);
    inputs.put("fingerprint", FINGERPRINT);
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("weight", 10);
    payload.put("environment", "prod");
    return new LedgerEntry(
        7, "RolloutStarted", "rollout/r-1", "alice", "2026-12-06T20:37:00Z", inputs, payload);
  }

  @Test
  void an_entry_is_the_jcs_of_its_fields_in_one_object() {
    assertThat(new String(sample().canonicalBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"actor\":\"alice\",\"at\":\"2026-12-06T20:37:00Z\",\"inputs\":{"
                + "\"fingerprint\":\"sha256:"
                + "b".repeat(64)
                + "\","
                + "\"plan\":\"sha256:"
                + "a".repeat(64)
                + "\"},"
                + "\"payload\":{\"environment\":\"prod\",\"weight\":10},"
                + "\"sequence\":7,\"subject\":\"rollout/r-1\",\"type\":\"RolloutStarted\"}");
  }

  @Test
  void its_leaf_is_the_rfc_6962_leaf_hash_of_those_bytes() {
    byte[] prefixed = new byte[sample().canonicalBytes().length + 1];
    System.arraycopy(sample().canonicalBytes(), 0, prefixed, 1, prefixed.length - 1);

    assertThat(sample().leafHash()).isEqualTo(MerkleHashTest.sha256(prefixed));
    assertThat(HexFormat.of().formatHex(sample().leafHash()))
        .isEqualTo("46b95d1de82cb33882562353e7bb39d31f96d582aac1af999d414f561ec89c6b");
  }

  @Test
  void an_entry_has_no_inputs_as_an_empty_object_and_keeps_its_payload_from_later_changes() {
    ObjectNode payload = JsonNodeFactory.instance.objectNode().put("reason", "manual");
    LedgerEntry entry =
        new LedgerEntry(
            0,
            "RolloutAborted",
            "rollout/r-2",
            "bob",
            "2026-12-06T20:37:00.500Z",
            new TreeMap<>(),
            payload);
    byte[] before = entry.canonicalBytes();

    payload.put("reason", "changed");
    entry.payload().withObject("/sneaky").put("x", 1);

    assertThat(entry.canonicalBytes()).isEqualTo(before);
    assertThat(new String(before, StandardCharsets.UTF_8))
        .contains("\"at\":\"2026-12-06T20:37:00.500Z\"")
        .contains("\"inputs\":{}")
        .contains("\"payload\":{\"reason\":\"manual\"}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-06T20:37:00.000Z",
        "2026-12-06T20:37Z",
        "2026-12-06T20:37:00.5Z",
        "2026-12-06T21:37:00+01:00",
        "2026-12-06 20:37:00",
        "yesterday"
      })
  void a_time_that_is_not_one_instants_one_spelling_is_refused(String at) {
    assertThatThrownBy(
            () ->
                new LedgerEntry(
                    1, "T", "s", "a", at, new TreeMap<>(), JsonNodeFactory.instance.objectNode()))
        .isInstanceOf(LedgerException.class)
        .hasMessage(
            "entry 1 at is '"
                + at
                + "': expected a UTC instant as Instant.toString writes it, such as"
                + " 2026-12-06T20:37:00Z");
  }

  @Test
  void a_sequence_a_double_cannot_hold_or_a_missing_field_is_refused() {
    var payload = JsonNodeFactory.instance.objectNode();
    String at = "2026-12-06T20:37:00Z";

    assertThatThrownBy(() -> new LedgerEntry(-1, "T", "s", "a", at, new TreeMap<>(), payload))
        .isInstanceOf(LedgerException.class)
        .hasMessage("entry sequence -1 is out of range: expected 0 to 9007199254740991");
    assertThatThrownBy(
            () ->
                new LedgerEntry(
                    LedgerEntry.MAX_SEQUENCE + 1, "T", "s", "a", at, new TreeMap<>(), payload))
        .isInstanceOf(LedgerException.class);
    assertThatThrownBy(() -> new LedgerEntry(1, " ", "s", "a", at, new TreeMap<>(), payload))
        .isInstanceOf(LedgerException.class)
        .hasMessage("entry type is missing: expected non-blank text");
    assertThat(
            new String(
                new LedgerEntry(
                        LedgerEntry.MAX_SEQUENCE, "T", "s", "a", at, new TreeMap<>(), payload)
                    .canonicalBytes(),
                StandardCharsets.UTF_8))
        .contains("\"sequence\":9007199254740991");
  }

  @Test
  void entries_that_differ_in_any_field_have_different_leaves() {
    LedgerEntry entry = sample();
    SortedMap<String, Digest> otherInputs = new TreeMap<>(entry.inputs());
    otherInputs.put("plan", FINGERPRINT);

    assertThat(
            Stream.of(
                    entry,
                    new LedgerEntry(
                        8,
                        entry.type(),
                        entry.subject(),
                        entry.actor(),
                        entry.at(),
                        entry.inputs(),
                        entry.payload()),
                    new LedgerEntry(
                        7,
                        "RolloutPaused",
                        entry.subject(),
                        entry.actor(),
                        entry.at(),
                        entry.inputs(),
                        entry.payload()),
                    new LedgerEntry(
                        7,
                        entry.type(),
                        "rollout/r-9",
                        entry.actor(),
                        entry.at(),
                        entry.inputs(),
                        entry.payload()),
                    new LedgerEntry(
                        7,
                        entry.type(),
                        entry.subject(),
                        "mallory",
                        entry.at(),
                        entry.inputs(),
                        entry.payload()),
                    new LedgerEntry(
                        7,
                        entry.type(),
                        entry.subject(),
                        entry.actor(),
                        "2026-12-06T20:37:01Z",
                        entry.inputs(),
                        entry.payload()),
                    new LedgerEntry(
                        7,
                        entry.type(),
                        entry.subject(),
                        entry.actor(),
                        entry.at(),
                        otherInputs,
                        entry.payload()),
                    new LedgerEntry(
                        7,
                        entry.type(),
                        entry.subject(),
                        entry.actor(),
                        entry.at(),
                        entry.inputs(),
                        JsonNodeFactory.instance.objectNode()))
                .map(e -> HexFormat.of().formatHex(e.leafHash())))
        .doesNotHaveDuplicates()
        .hasSize(8);
  }
}
