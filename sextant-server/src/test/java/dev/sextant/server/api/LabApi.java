package dev.sextant.server.api;

import dev.sextant.api.ApiClient;
import dev.sextant.server.Lab;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.ledger.Ledger;
import dev.sextant.server.ledger.LedgerKey;
import dev.sextant.server.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real API server for a test, on loopback and an embedded store of its own, with the agent token
 * {@link #TOKEN}, the first admin's token {@link Admin#TOKEN} (sent with every request that names
 * no Authorization of its own) and the environment "lab" declared. Register it per test:
 * {@code @RegisterExtension final LabApi api = new LabApi();}
 */
final class LabApi implements BeforeEachCallback, AfterEachCallback {
  static final String TOKEN = "lab-api-token";

  private Services services;
  private ApiServer server;
  private ApiClient client;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    Path home = Files.createTempDirectory("sextant-lab-api-");
    Database database = Database.h2(home, Clock.systemUTC());
    services =
        Services.on(database, AgentTokens.of(TOKEN), Clock.systemUTC())
            .ledgerWith(
                Ledger.signedWith(
                    database,
                    LedgerKey.loadOrCreate(home.resolve(LedgerKey.FILE_NAME), new SecureRandom())));
    services.resources().apply(List.of(Lab.declaring("x86_64")), "alice");
    server = ApiServer.start(services, "127.0.0.1", 0);
    client = Admin.client(services.database(), server.port());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    server.close();
    services.close();
  }

  Services services() {
    return services;
  }

  ApiServer server() {
    return server;
  }

  /**
   * Sends through the API's one client, and over a raw socket only what that client refuses to
   * send.
   */
  RawHttp.Answer send(String method, String path, Map<String, String> headers, byte[] body) {
    Map<String, String> withToken = new java.util.LinkedHashMap<>(headers);
    if (headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Authorization"))) {
      withToken.put("Authorization", "Bearer " + Admin.TOKEN);
    }
    try {
      return RawHttp.send(client, server.port(), method, path, withToken, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
