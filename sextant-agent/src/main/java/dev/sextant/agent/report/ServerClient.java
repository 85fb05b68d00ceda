package dev.sextant.agent.report;

import dev.sextant.api.AgentRegistrationRequest;
import dev.sextant.api.AgentRegistrationResponse;
import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiProblem;
import dev.sextant.api.FingerprintRecorded;
import dev.sextant.api.SextantApi;
import dev.sextant.api.SextantClient;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The two calls an agent makes, through the API's one client, with each failure said as a {@link
 * ReportException} that knows whether trying again later may help. The token travels only in the
 * Authorization header.
 */
public final class ServerClient {
  private final SextantApi api;

  public ServerClient(URI base, String token) {
    this.api = new SextantClient(new ApiClient(base, Optional.of(token)));
  }

  /** Registers this agent; the answer says whether it is new or was known with this key. */
  public AgentRegistrationResponse register(String name, String environment, String publicKey) {
    return call(
        () -> api.registerAgent(new AgentRegistrationRequest(name, environment, publicKey)));
  }

  /** Sends one signed fingerprint (its JSON file form). */
  public FingerprintRecorded report(String name, String fingerprintJson) {
    return call(() -> api.reportFingerprint(name, fingerprintJson));
  }

  private static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (ApiProblem problem) {
      String detail =
          problem.status() == 0
              ? problem.getMessage()
              : "server refused (" + problem.status() + "): " + problem.getMessage();
      throw new ReportException(problem.retryable(), detail);
    }
  }
}
