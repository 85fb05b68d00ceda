package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Opening the store, and what an operator sees when that fails. */
class StoresTest {
  @TempDir Path dataDirectory;

  @Test
  void a_database_that_is_down_is_unavailable_and_the_message_names_the_url_without_the_password()
      throws IOException {
    String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/sextant?user=ops&password=s3cret";

    assertThatThrownBy(() -> Stores.open(url))
        .isInstanceOfSatisfying(
            StoreUnavailableException.class,
            e -> {
              assertThat(e.url()).isEqualTo(url.replace("s3cret", "***"));
              assertThat(e.getMessage())
                  .startsWith("cannot open the store at " + e.url() + ": ")
                  .doesNotContain("s3cret");
            })
        .isInstanceOf(StoreException.class);
  }

  @Test
  void a_url_that_no_driver_understands_is_unavailable() {
    assertThatThrownBy(() -> Stores.open("jdbc:nosuchdb://somewhere"))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("cannot open the store at jdbc:nosuchdb://somewhere: ");
  }

  @Test
  void a_data_directory_that_is_a_file_is_unavailable() throws IOException {
    Path file = Files.writeString(dataDirectory.resolve("not-a-directory"), "x");

    assertThatThrownBy(() -> Stores.h2(file))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("cannot create the data directory for the store at jdbc:h2:file:");
  }

  @Test
  void the_h2_store_is_created_in_a_data_directory_that_does_not_exist_yet() {
    Path nested = dataDirectory.resolve("a/b");

    try (ResourceStore store = Stores.h2(nested)) {
      assertThat(store.history(new ResourceKey(Kind.SERVICE, "checkout"))).isEmpty();
    }
    assertThat(nested.resolve("sextant.mv.db")).isRegularFile();
  }

  @Test
  void the_h2_url_names_the_sextant_database_in_the_data_directory() {
    assertThat(JdbcUrls.h2(Path.of("/var/lib/sextant")))
        .isEqualTo("jdbc:h2:file:/var/lib/sextant/sextant;AUTO_SERVER=FALSE");
    assertThatThrownBy(() -> JdbcUrls.h2(Path.of("/tmp/a;INIT=RUNSCRIPT")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          jdbc:postgresql://h/s                     | jdbc:postgresql://h/s
          jdbc:postgresql://h/s?password=p&ssl=true | jdbc:postgresql://h/s?password=***&ssl=true
          jdbc:postgresql://h/s?user=u&PASSWORD=p   | jdbc:postgresql://h/s?user=u&PASSWORD=***
          jdbc:postgresql://h/s?sslpassword=k&x=1   | jdbc:postgresql://h/s?sslpassword=***&x=1
          jdbc:h2:/d/s;USER=sa;PASSWORD=p;X=1       | jdbc:h2:/d/s;USER=sa;PASSWORD=***;X=1
          jdbc:mysql://u:p@h/s                      | jdbc:mysql://u:***@h/s
          """)
  void a_url_is_shown_with_its_passwords_masked(String url, String masked) {
    assertThat(JdbcUrls.masked(url)).isEqualTo(masked);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
