package dev.sextant.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BundleVerifierTest {
  private static final KeyPair KEY = ed25519();
  private static final String KEY_ID = dev.sextant.core.provenance.PublicKeys.id(KEY.getPublic());
  private static final Digest PLAN = Digest.sha256("plan".getBytes(StandardCharsets.UTF_8));
  private static final List<LedgerEntry> LOG = log(9);
  private static final CachedProofs TREE =
      new CachedProofs(LOG.stream().map(LedgerEntry::leafHash).toList());

  @Test
  void a_bundle_verifies_with_the_ledger_key_and_reads_back_from_its_file() {
    EvidenceBundle bundle = bundle(8, 2, 3, 6);

    EvidenceBundle read = EvidenceBundleJson.read(EvidenceBundleJson.write(bundle));
    BundleVerdict verdict = BundleVerifier.verify(read, KEY.getPublic());

    assertThat(verdict.verified()).as(verdict.toString()).isTrue();
    assertThat(verdict.entries()).isEqualTo(3);
    assertThat(verdict.treeSize()).isEqualTo(8);
    assertThat(read.inputs()).containsExactly(new BundledInput("plan", PLAN));
    assertThat(read.approvals()).containsExactly(2L);
    assertThat(read.analyses()).containsExactly(6L);
    assertThat(EvidenceBundleJson.write(read)).isEqualTo(EvidenceBundleJson.write(bundle));
  }

  @Test
  void changing_any_one_byte_of_the_file_never_leaves_a_bundle_that_verifies() {
    byte[] file = EvidenceBundleJson.write(bundle(5, 2, 3));
    for (int i = 0; i < file.length; i++) {
      for (int flip : new int[] {0x01, 0x20, 0x80}) {
        byte[] changed = file.clone();
        changed[i] ^= (byte) flip;
        assertThat(verifies(changed)).as("byte %d xor %#x", i, flip).isFalse();
      }
    }
  }

  @Test
  void a_proof_against_another_head_of_the_same_key_fails_naming_the_entry() {
    EvidenceBundle bundle = bundle(5, 2, 3);
    SignedTreeHead larger = head(9);
    EvidenceBundle otherHead =
        EvidenceBundle.sign(bundle.selection(), larger, bundle.entries(), KEY.getPrivate());

    BundleVerdict verdict = BundleVerifier.verify(otherHead, KEY.getPublic());

    assertThat(verdict.verified()).isFalse();
    assertThat(verdict.failure().orElseThrow().where()).isEqualTo("entry 2");
    assertThat(verdict.failure().orElseThrow().reason()).contains("inclusion proof fails");
  }

  @Test
  void a_bundle_checked_with_another_key_fails_at_its_tree_head() {
    BundleVerdict verdict = BundleVerifier.verify(bundle(5, 2), ed25519().getPublic());

    assertThat(verdict.verified()).isFalse();
    assertThat(verdict.failure().orElseThrow().where()).isEqualTo("tree head");
    assertThat(verdict.failure().orElseThrow().reason()).contains("names key " + KEY_ID);
  }

  @Test
  void an_entry_whose_canonical_text_differs_fails_even_when_everything_else_is_signed() {
    EvidenceBundle bundle = bundle(5, 2, 3);
    BundledEntry good = bundle.entries().get(1);
    BundledEntry forged =
        new BundledEntry(
            good.leafIndex(),
            LedgerEntries.withActor(good.entry(), "mallory"),
            good.canonical(),
            good.inclusionProof());
    EvidenceBundle resigned =
        EvidenceBundle.sign(
            bundle.selection(),
            bundle.treeHead(),
            List.of(bundle.entries().get(0), forged),
            KEY.getPrivate());

    BundleVerdict verdict = BundleVerifier.verify(resigned, KEY.getPublic());

    assertThat(verdict.failure().orElseThrow().where()).isEqualTo("entry 3");
    assertThat(verdict.failure().orElseThrow().reason()).contains("not the RFC 8785 form");
  }

  @Test
  void input_and_approval_lists_must_be_what_the_entries_name() {
    EvidenceBundle bundle = bundle(5, 2, 3);
    Digest other = Digest.sha256("other".getBytes(StandardCharsets.UTF_8));
    EvidenceBundle moreInputs =
        new EvidenceBundle(
            bundle.selection(),
            bundle.treeHead(),
            bundle.entries(),
            List.of(new BundledInput("plan", PLAN), new BundledInput("release", other)),
            bundle.approvals(),
            bundle.analyses(),
            bundle.signature());
    EvidenceBundle noApproval =
        new EvidenceBundle(
            bundle.selection(),
            bundle.treeHead(),
            bundle.entries(),
            bundle.inputs(),
            List.of(),
            bundle.analyses(),
            bundle.signature());

    assertThat(BundleVerifier.verify(moreInputs, KEY.getPublic()).failure().orElseThrow().where())
        .isEqualTo("inputs");
    assertThat(BundleVerifier.verify(noApproval, KEY.getPublic()).failure().orElseThrow().where())
        .isEqualTo("approvals");
  }

  @Test
  void an_entry_outside_the_selections_window_fails() {
    SortedMap<String, String> window =
        new TreeMap<>(Map.of("rollout", "r-1", "since", "2026-12-06T10:03:00Z"));
    EvidenceBundle bundle =
        EvidenceBundle.sign(
            window, head(5), List.of(bundled(2, 5), bundled(4, 5)), KEY.getPrivate());

    BundleVerdict verdict = BundleVerifier.verify(bundle, KEY.getPublic());

    assertThat(verdict.failure().orElseThrow().where()).isEqualTo("entry 2");
    assertThat(verdict.failure().orElseThrow().reason()).contains("outside the selection's window");
  }

  @Test
  void a_file_that_is_not_a_bundle_or_not_in_canonical_form_is_refused_saying_why()
      throws Exception {
    byte[] file = EvidenceBundleJson.write(bundle(5, 2));
    byte[] pretty =
        new ObjectMapper()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsBytes(new ObjectMapper().readTree(file));

    assertThatThrownBy(() -> EvidenceBundleJson.read("{\"kind\":\"Release\"}\n".getBytes()))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("\"kind\": \"EvidenceBundle\"");
    assertThatThrownBy(() -> EvidenceBundleJson.read("not json".getBytes()))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("not JSON at line 1");
    assertThatThrownBy(() -> EvidenceBundleJson.read(pretty))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("not in its canonical form");
  }

  private static boolean verifies(byte[] file) {
    try {
      return BundleVerifier.verify(EvidenceBundleJson.read(file), KEY.getPublic()).verified();
    } catch (LedgerException e) {
      return false;
    }
  }

  private static EvidenceBundle bundle(long treeSize, long... sequences) {
    List<BundledEntry> entries = new ArrayList<>();
    for (long sequence : sequences) {
      entries.add(bundled(sequence, treeSize));
    }
    return EvidenceBundle.sign(
        new TreeMap<>(Map.of("rollout", "r-1")), head(treeSize), entries, KEY.getPrivate());
  }

  private static BundledEntry bundled(long sequence, long treeSize) {
    return BundledEntry.of(LOG.get((int) sequence - 1), TREE.inclusion(sequence - 1, treeSize));
  }

  private static SignedTreeHead head(long treeSize) {
    return SignedTreeHead.sign(
        treeSize, TREE.root(treeSize), "2026-12-06T11:00:00Z", KEY_ID, KEY.getPrivate());
  }

  private static List<LedgerEntry> log(int size) {
    List<LedgerEntry> log = new ArrayList<>();
    String[] types = {"plan.submitted", "deployment.started", "plan.approved", "rollout.moved"};
    for (int sequence = 1; sequence <= size; sequence++) {
      String type = sequence == 6 ? "rollout.judged" : types[sequence % types.length];
      log.add(
          new LedgerEntry(
              sequence,
              type,
              type.startsWith("plan") ? "plan/p-1" : "rollout/r-1",
              "system",
              "2026-12-06T10:0" + sequence + ":00Z",
              type.startsWith("plan") ? new TreeMap<>(Map.of("plan", PLAN)) : new TreeMap<>(),
              JsonNodeFactory.instance.objectNode().put("outcome", "ok " + sequence)));
    }
    return log;
  }

  private static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Entries as a forger would alter them. */
  private static final class LedgerEntries {
    static LedgerEntry withActor(LedgerEntry entry, String actor) {
      return new LedgerEntry(
          entry.sequence(),
          entry.type(),
          entry.subject(),
          actor,
          entry.at(),
          entry.inputs(),
          entry.payload());
    }
  }
}
