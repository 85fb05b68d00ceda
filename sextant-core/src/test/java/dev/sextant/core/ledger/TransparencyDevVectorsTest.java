package dev.sextant.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * transparency-dev/merkle's published conformance vectors (see rfc6962/README.md): every happy path
 * verifies, and every case it marks {@code wantErr} is refused with a reason.
 */
class TransparencyDevVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> inclusion() throws IOException, URISyntaxException {
    return vectors("inclusion");
  }

  static Stream<Path> consistency() throws IOException, URISyntaxException {
    return vectors("consistency");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inclusion")
  void inclusion_vectors_verify_or_fail_as_published(Path file) throws IOException {
    JsonNode vector = JSON.readTree(file.toFile());

    ProofVerdict verdict =
        ProofVerifier.inclusion(
            unsigned(vector.get("leafIdx")),
            unsigned(vector.get("treeSize")),
            bytes(vector.get("leafHash")),
            proof(vector.get("proof")),
            bytes(vector.get("root")));

    assertThat(verdict.valid()).as(verdict.reason()).isEqualTo(!vector.get("wantErr").asBoolean());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("consistency")
  void consistency_vectors_verify_or_fail_as_published(Path file) throws IOException {
    JsonNode vector = JSON.readTree(file.toFile());

    ProofVerdict verdict =
        ProofVerifier.consistency(
            unsigned(vector.get("size1")),
            unsigned(vector.get("size2")),
            bytes(vector.get("root1")),
            bytes(vector.get("root2")),
            proof(vector.get("proof")));

    assertThat(verdict.valid()).as(verdict.reason()).isEqualTo(!vector.get("wantErr").asBoolean());
  }

  @Test
  void our_proofs_over_the_reference_leaves_are_the_published_ones() throws Exception {
    List<byte[]> leaves = MerkleHashTest.referenceLeafHashes();
    for (Path file : inclusion().filter(f -> f.endsWith("happy-path.json")).toList()) {
      JsonNode vector = JSON.readTree(file.toFile());
      int size = vector.get("treeSize").asInt();
      int index = vector.get("leafIdx").asInt();

      assertThat(leaves.get(index)).as(file.toString()).isEqualTo(bytes(vector.get("leafHash")));
      assertThat(MerkleProofs.inclusion(index, leaves.subList(0, size)))
          .as(file.toString())
          .containsExactlyElementsOf(proof(vector.get("proof")));
    }
    for (Path file : consistency().filter(f -> f.endsWith("happy-path.json")).toList()) {
      JsonNode vector = JSON.readTree(file.toFile());
      int size1 = vector.get("size1").asInt();
      int size2 = vector.get("size2").asInt();

      assertThat(MerkleProofs.consistency(size1, leaves.subList(0, size2)))
          .as(file.toString())
          .containsExactlyElementsOf(proof(vector.get("proof")));
    }
  }

  @Test
  void every_copied_error_case_is_refused_for_a_reason_of_its_own() throws Exception {
    List<String> reasons = new ArrayList<>();
    for (Path file : inclusion().toList()) {
      JsonNode vector = JSON.readTree(file.toFile());
      reasons.add(
          ProofVerifier.inclusion(
                  unsigned(vector.get("leafIdx")),
                  unsigned(vector.get("treeSize")),
                  bytes(vector.get("leafHash")),
                  proof(vector.get("proof")),
                  bytes(vector.get("root")))
              .getClass()
              .getSimpleName());
    }
    assertThat(reasons)
        .contains("Valid", "IndexOutOfRange", "WrongProofLength", "MalformedHash", "RootMismatch");
  }

  private static Stream<Path> vectors(String kind) throws IOException, URISyntaxException {
    Path dir = Path.of(TransparencyDevVectorsTest.class.getResource("rfc6962/" + kind).toURI());
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> found = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      assertThat(found).isNotEmpty();
      return found.stream();
    }
  }

  /** The vectors write sizes as Go's uint64, where size - 1 of 0 is 2^64 - 1. */
  private static long unsigned(JsonNode number) {
    return Long.parseUnsignedLong(number.asText());
  }

  private static byte[] bytes(JsonNode base64) {
    return Base64.getDecoder().decode(base64.asText());
  }

  private static List<byte[]> proof(JsonNode proof) {
    List<byte[]> hashes = new ArrayList<>();
    if (proof != null && proof.isArray()) {
      proof.forEach(hash -> hashes.add(bytes(hash)));
    }
    return hashes;
  }
}
