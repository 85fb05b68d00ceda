package dev.sextant.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedTreeHeadTest {
  private static final KeyPair KEY = ed25519();
  private static final String AT = "2026-12-06T20:37:00Z";
  private static final byte[] ROOT = MerkleHash.root(MerkleHashTest.referenceLeafHashes());

  @Test
  void the_signed_bytes_are_a_checkpoint_body() {
    assertThat(new String(SignedTreeHead.signedBytes(8, ROOT, AT), StandardCharsets.UTF_8))
        .isEqualTo(
            "sextant.dev/ledger\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"
                + "2026-12-06T20:37:00Z\n");
  }

  @Test
  void a_head_signed_with_a_key_verifies_with_its_public_half() {
    SignedTreeHead head = SignedTreeHead.sign(8, ROOT, AT, "ledger-1", KEY.getPrivate());

    assertThat(head.verifiesWith(KEY.getPublic())).isTrue();
    assertThat(head.signature()).hasSize(64);
    assertThat(head.verifiesWith(ed25519().getPublic())).isFalse();
  }

  @Test
  void a_head_fails_after_any_one_byte_of_its_signature_or_root_changes() {
    SignedTreeHead head = SignedTreeHead.sign(8, ROOT, AT, "ledger-1", KEY.getPrivate());

    for (int i = 0; i < head.signature().length; i++) {
      byte[] signature = head.signature();
      signature[i] ^= 1;
      assertThat(
              new SignedTreeHead(8, ROOT, AT, "ledger-1", signature).verifiesWith(KEY.getPublic()))
          .as("signature byte %d", i)
          .isFalse();
    }
    for (int i = 0; i < ROOT.length; i++) {
      byte[] root = ROOT.clone();
      root[i] ^= 1;
      assertThat(
              new SignedTreeHead(8, root, AT, "ledger-1", head.signature())
                  .verifiesWith(KEY.getPublic()))
          .as("root byte %d", i)
          .isFalse();
    }
  }

  @Test
  void a_head_fails_when_its_size_or_time_changes_but_not_its_key_id() {
    SignedTreeHead head = SignedTreeHead.sign(8, ROOT, AT, "ledger-1", KEY.getPrivate());

    assertThat(
            List.of(
                new SignedTreeHead(9, ROOT, AT, "ledger-1", head.signature()),
                new SignedTreeHead(7, ROOT, AT, "ledger-1", head.signature()),
                new SignedTreeHead(8, ROOT, "2026-12-06T20:37:01Z", "ledger-1", head.signature())))
        .allSatisfy(changed -> assertThat(changed.verifiesWith(KEY.getPublic())).isFalse());
    // The key id is a hint for finding the key, not a claim the signature makes.
    assertThat(
            new SignedTreeHead(8, ROOT, AT, "another-id", head.signature())
                .verifiesWith(KEY.getPublic()))
        .isTrue();
  }

  @Test
  void heads_compare_by_content_and_copy_their_arrays() {
    SignedTreeHead head = SignedTreeHead.sign(8, ROOT, AT, "ledger-1", KEY.getPrivate());
    SignedTreeHead same = new SignedTreeHead(8, ROOT, AT, "ledger-1", head.signature());

    head.rootHash()[0] ^= 1;
    head.signature()[0] ^= 1;

    assertThat(head).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(head.verifiesWith(KEY.getPublic())).isTrue();
    assertThat(head.toString()).contains("treeSize=8", "ledger-1").doesNotContain("signature");
  }

  @Test
  void bad_heads_and_keys_are_refused_with_a_reason() throws Exception {
    assertThatThrownBy(() -> SignedTreeHead.sign(8, new byte[31], AT, "k", KEY.getPrivate()))
        .isInstanceOf(LedgerException.class)
        .hasMessage("tree head root has 31 bytes, expected 32");
    assertThatThrownBy(() -> SignedTreeHead.sign(-1, ROOT, AT, "k", KEY.getPrivate()))
        .isInstanceOf(LedgerException.class)
        .hasMessage("tree size -1 is negative");
    assertThatThrownBy(() -> SignedTreeHead.sign(8, ROOT, "now", "k", KEY.getPrivate()))
        .isInstanceOf(LedgerException.class)
        .hasMessageStartingWith("tree head timestamp is 'now'");
    assertThatThrownBy(() -> SignedTreeHead.sign(8, ROOT, AT, " ", KEY.getPrivate()))
        .isInstanceOf(LedgerException.class);

    KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    assertThatThrownBy(() -> SignedTreeHead.sign(8, ROOT, AT, "rsa-1", rsa.getPrivate()))
        .isInstanceOf(LedgerException.class)
        .hasMessage("key rsa-1 is not an Ed25519 private key");
    SignedTreeHead head = SignedTreeHead.sign(8, ROOT, AT, "ledger-1", KEY.getPrivate());
    assertThatThrownBy(() -> head.verifiesWith(rsa.getPublic()))
        .isInstanceOf(LedgerException.class)
        .hasMessage("the key given for ledger-1 is not an Ed25519 public key");
  }

  private static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
