package dev.sextant.agent.report;

import dev.sextant.api.FingerprintRecorded;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.fingerprint.FingerprintSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decides when to report: whenever the facts change (checked each tick), and at least once per
 * interval so the server knows the agent is alive. Each report is signed just before it is sent.
 * Probing, time and output come in from outside, so a test drives ticks directly.
 */
public final class Reporter {
  private final Supplier<Fingerprint> probe;
  private final FingerprintSigner signer;
  private final ServerClient server;
  private final String name;
  private final String environment;
  private final Duration interval;
  private final Clock clock;
  private final Consumer<String> log;

  private Optional<Digest> lastReported = Optional.empty();
  private Instant lastReportedAt = Instant.MIN;

  public Reporter(
      Supplier<Fingerprint> probe,
      FingerprintSigner signer,
      ServerClient server,
      String name,
      String environment,
      Duration interval,
      Clock clock,
      Consumer<String> log) {
    this.probe = probe;
    this.signer = signer;
    this.server = server;
    this.name = name;
    this.environment = environment;
    this.interval = interval;
    this.clock = clock;
    this.log = log;
  }

  /**
   * Probes once and reports when due.
   *
   * @return whether a report was sent
   * @throws ReportException when the server refused or could not be reached
   */
  public boolean tick() {
    Fingerprint fingerprint = probe.get().describing(environment);
    Digest digest = fingerprint.digests().whole();
    Instant now = clock.instant();
    boolean changed = !lastReported.equals(Optional.of(digest));
    boolean due = !now.isBefore(lastReportedAt.plus(interval));
    if (!changed && !due) {
      return false;
    }
    Fingerprint signed = signer.sign(fingerprint.collectedAt(now.truncatedTo(ChronoUnit.MILLIS)));
    FingerprintRecorded answer = server.report(name, FingerprintFiles.json(signed));
    lastReported = Optional.of(digest);
    lastReportedAt = now;
    log.accept(
        String.format(
            "reported %s: revision %d %s (%s)",
            environment, answer.revision(), answer.change(), digest.shortHex()));
    return true;
  }
}
