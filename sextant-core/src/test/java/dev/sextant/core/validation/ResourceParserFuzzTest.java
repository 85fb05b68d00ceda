package dev.sextant.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Whatever the bytes, parsing gives resources or positioned problems, never an exception. */
class ResourceParserFuzzTest {
  private static final ResourceParser PARSER = new ResourceParser();

  @FuzzTest
  void any_bytes_parse_to_resources_or_to_problems(byte[] input) {
    ParseReport report = PARSER.parse("fuzz.yaml", input);

    assertThat(report.ok() || report.resources().isEmpty()).isTrue();
    assertThat(report.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
  }
}
