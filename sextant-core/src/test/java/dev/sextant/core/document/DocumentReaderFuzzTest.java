package dev.sextant.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever the bytes, the reader answers with documents or with problems: never an exception, never
 * a hang. Runs over the committed inputs in every build; fuzzes with {@code JAZZER_FUZZ=1}.
 */
class DocumentReaderFuzzTest {
  private static final DocumentReader READER = new DocumentReader();

  @FuzzTest
  void any_bytes_read_to_documents_or_to_problems(byte[] input) {
    ReadResult result = READER.read("fuzz.yaml", input);

    assertThat(result.ok() || result.documents().isEmpty()).isTrue();
    assertThat(result.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
  }
}
