package dev.sextant.server.api;

import dev.sextant.api.ApiClient;
import dev.sextant.server.access.AccessControl;
import dev.sextant.server.store.Database;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/** The first admin of a test's store, and a client that acts as it. */
final class Admin {
  static final String TOKEN = "sxt_the-tests-first-admin-token";

  private Admin() {}

  /**
   * Makes the first admin of the store with {@link #TOKEN}, and a client of the API that uses it.
   */
  static ApiClient client(Database database, int port) {
    new AccessControl(database, Clock.systemUTC()).bootstrap(Optional.of(TOKEN));
    return new ApiClient(URI.create("http://127.0.0.1:" + port), Optional.of(TOKEN));
  }
}
