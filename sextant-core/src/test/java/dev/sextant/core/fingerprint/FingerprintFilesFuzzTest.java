package dev.sextant.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Whatever the bytes, a fingerprint file reads to a fingerprint or to problems; a fingerprint that
 * was read can be digested, written, and read back equal.
 */
class FingerprintFilesFuzzTest {

  @FuzzTest
  void any_bytes_read_to_a_fingerprint_that_writes_back_or_to_problems(byte[] input) {
    ParsedFingerprint parsed = FingerprintFiles.read("fuzz.yaml", input);
    if (!parsed.ok()) {
      assertThat(parsed.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
      return;
    }
    Fingerprint fingerprint = parsed.orThrow();
    ParsedFingerprint again =
        FingerprintFiles.read(
            "written.json", FingerprintFiles.json(fingerprint).getBytes(StandardCharsets.UTF_8));

    assertThat(again.problems()).isEmpty();
    assertThat(again.orThrow()).isEqualTo(fingerprint);
    assertThat(again.orThrow().digests()).isEqualTo(fingerprint.digests());
  }
}
