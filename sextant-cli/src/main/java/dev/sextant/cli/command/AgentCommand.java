package dev.sextant.cli.command;

import dev.sextant.agent.identity.AgentKeys;
import dev.sextant.agent.probe.StandardProbes;
import dev.sextant.agent.report.ReportException;
import dev.sextant.agent.report.Reporter;
import dev.sextant.agent.report.ServerClient;
import dev.sextant.cli.CliException;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.SextantCommand;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintSigner;
import dev.sextant.core.fingerprint.SigningKeys;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = {
      "Run on a host of an environment: register with the server, then report this host's",
      "signed fingerprint whenever it changes and at least once per interval.",
      "",
      "The signing key is created on first run in $SEXTANT_HOME/agent (mode 0600); the server",
      "keeps its public half and refuses reports it did not sign. Stops on Ctrl-C or SIGTERM."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  SEXTANT_AGENT_TOKEN=... sextant agent --server http://sextant:7070 --environment prod-eu",
      "  sextant agent --server http://sextant:7070 --environment dev --token-file /etc/sextant/token --once"
    })
public final class AgentCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;

  @Option(
      names = "--server",
      required = true,
      paramLabel = "URL",
      description = "The sextant server to report to.")
  String server;

  @Option(
      names = "--environment",
      required = true,
      paramLabel = "NAME",
      description = "The environment this host belongs to (declared on the server).")
  String environment;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "This agent's name (default: the host name).")
  String name;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "The agent token; prefer --token-file or $SEXTANT_AGENT_TOKEN, which other users cannot see in the process list.")
  String token;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "A file holding the agent token.")
  Path tokenFile;

  @Option(
      names = "--interval",
      defaultValue = "5m",
      paramLabel = "DURATION",
      description =
          "Report at least this often even when nothing changed (default: ${DEFAULT-VALUE}).")
  String interval;

  @Option(
      names = "--check-every",
      defaultValue = "30s",
      paramLabel = "DURATION",
      description = "How often to probe for changes (default: ${DEFAULT-VALUE}).")
  String checkEvery;

  @Option(names = "--once", description = "Register, report once, and exit (for cron and tests).")
  boolean once;

  @Override
  public Integer call() throws Exception {
    var context = root.context();
    Duration every = Durations.parse(interval, "--interval");
    Duration check = Durations.parse(checkEvery, "--check-every");
    String agentName = name != null ? name : hostName();
    ServerClient client = new ServerClient(serverUri(), token(context));
    KeyPair keys = AgentKeys.loadOrCreate(BackendOptions.home(context));
    try {
      var registered =
          client.register(agentName, environment, SigningKeys.encodePublic(keys.getPublic()));
      context
          .out()
          .printf(
              "agent %s %s for environment %s (key %s)%n",
              agentName, registered.change(), environment, registered.keyId());
    } catch (ReportException e) {
      throw e.retryable()
          ? CliException.unavailable(e.getMessage(), e)
          : CliException.invalid(e.getMessage());
    }
    Reporter reporter =
        new Reporter(
            this::probe,
            new FingerprintSigner(keys),
            client,
            agentName,
            environment,
            every,
            Clock.systemUTC(),
            line -> {
              context.out().println(line);
              context.out().flush();
            });
    if (once) {
      try {
        reporter.tick();
        return ExitCode.OK;
      } catch (ReportException e) {
        throw e.retryable()
            ? CliException.unavailable(e.getMessage(), e)
            : CliException.invalid(e.getMessage());
      }
    }
    while (!Thread.currentThread().isInterrupted()) {
      try {
        reporter.tick();
      } catch (ReportException e) {
        // A server that is down now may be back next time; the agent outlives it.
        context
            .err()
            .println(
                "warning: "
                    + e.getMessage()
                    + (e.retryable() ? "; retrying in " + checkEvery : ""));
        context.err().flush();
      }
      Thread.sleep(check.toMillis());
    }
    return ExitCode.OK;
  }

  private Fingerprint probe() {
    return Fingerprint.of(StandardProbes.discoverThisHost(List.of()).facts());
  }

  private URI serverUri() {
    try {
      URI uri = URI.create(server);
      if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw CliException.invalid(
          "--server \"" + server + "\" is not a valid URL; expected e.g. http://localhost:7070");
    }
  }

  private String token(dev.sextant.cli.Main.Context context) {
    if (tokenFile != null) {
      return TokenFiles.read(tokenFile)
          .orElseThrow(() -> CliException.invalid("the token file " + tokenFile + " is empty"));
    }
    String found = token != null ? token : context.env().get("SEXTANT_AGENT_TOKEN");
    if (found == null || found.isBlank()) {
      throw CliException.invalid(
          "no agent token: pass --token-file FILE or set SEXTANT_AGENT_TOKEN");
    }
    return found;
  }

  private static String hostName() {
    try {
      String host =
          java.net.InetAddress.getLocalHost().getHostName().toLowerCase(java.util.Locale.ROOT);
      return host.replaceAll("[^a-z0-9-]", "-");
    } catch (java.net.UnknownHostException e) {
      return "agent";
    }
  }
}
