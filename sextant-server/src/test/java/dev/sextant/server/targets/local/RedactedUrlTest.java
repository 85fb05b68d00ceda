package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactedUrlTest {

  @Test
  void user_information_and_the_query_are_cut() {
    assertThat(RedactedUrl.of("https://deploy:hunter2@artifacts.acme.example/a.jar?sig=s3cr3t"))
        .isEqualTo("https://…@artifacts.acme.example/a.jar?…");
  }

  @Test
  void a_plain_url_is_shown_as_written() {
    assertThat(RedactedUrl.of("https://artifacts.acme.example:8443/a/b.tar.gz"))
        .isEqualTo("https://artifacts.acme.example:8443/a/b.tar.gz");
    assertThat(RedactedUrl.of("file:///srv/artifacts/a.jar"))
        .isEqualTo("file:///srv/artifacts/a.jar");
  }

  @Test
  void what_is_not_a_url_is_not_echoed() {
    assertThat(RedactedUrl.of("deploy:hunter2")).isEqualTo("deploy:…");
    assertThat(RedactedUrl.of("no scheme at all")).isEqualTo("(not a URL)");
    assertThat(RedactedUrl.of("relative/path")).isEqualTo("(not a URL)");
  }
}
