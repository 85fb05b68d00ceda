package dev.sextant.sample;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the service is told on its command line.
 *
 * @param port the port to listen on; 0 takes a free one
 * @param version shown by {@code /} and as the {@code version} label of every metric
 * @param errorRate the fraction of {@code /} requests answered 500, 0 to 1
 * @param seed present: errors and jitter are drawn from a random source with this seed; absent:
 *     errors follow an exact pattern (request n fails when floor(n·rate) grows)
 * @param latency added to every {@code /} request
 * @param latencyJitter at most this much more, drawn uniformly
 * @param readyAfter {@code /healthz} answers 503 until this long after the start
 */
record SampleOptions(
    int port,
    String version,
    double errorRate,
    OptionalLong seed,
    Duration latency,
    Duration latencyJitter,
    Duration readyAfter) {

  static final String USAGE =
      """
      usage: java -jar sextant-sample.jar [flags]
        --port N              port to listen on, all interfaces; 0 takes a free one (default 8080)
        --version TEXT        shown by / and as the version label of the metrics
        --error-rate R        fraction of / requests answered 500, 0.0 to 1.0 (default 0)
        --seed N              draw errors and jitter at random from this seed (default: an exact
                              pattern for errors)
        --latency D           added to each / request, e.g. 25ms, 2s, 1m (default 0)
        --latency-jitter D    at most this much more, drawn uniformly (default 0)
        --ready-after D       /healthz answers 503 until D after the start (default 0)
        --help                this text""";

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

  /**
   * Reads the flags; every flag takes one value, given as {@code --flag value} or {@code
   * --flag=value}.
   */
  static SampleOptions parse(String[] args, String defaultVersion) throws BadFlagException {
    int port = 8080;
    String version = defaultVersion;
    double errorRate = 0;
    OptionalLong seed = OptionalLong.empty();
    Duration latency = Duration.ZERO;
    Duration jitter = Duration.ZERO;
    Duration readyAfter = Duration.ZERO;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      String value;
      int eq = flag.indexOf('=');
      if (flag.startsWith("--") && eq > 0) {
        value = flag.substring(eq + 1);
        flag = flag.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        value = null;
      }
      if (!flag.startsWith("--")) {
        throw new BadFlagException("unexpected argument '" + flag + "'");
      }
      if (value == null) {
        throw new BadFlagException(flag + " needs a value");
      }
      switch (flag) {
        case "--port" -> port = port(value);
        case "--version" -> version = version(value);
        case "--error-rate" -> errorRate = errorRate(value);
        case "--seed" -> seed = OptionalLong.of(seed(value));
        case "--latency" -> latency = duration(flag, value);
        case "--latency-jitter" -> jitter = duration(flag, value);
        case "--ready-after" -> readyAfter = duration(flag, value);
        default -> throw new BadFlagException("unknown flag " + flag);
      }
    }
    return new SampleOptions(port, version, errorRate, seed, latency, jitter, readyAfter);
  }

  private static int port(String value) throws BadFlagException {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new BadFlagException("--port must be a number from 0 to 65535, not '" + value + "'");
  }

  private static String version(String value) throws BadFlagException {
    if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
      throw new BadFlagException("--version must be printable text, not '" + value + "'");
    }
    return value;
  }

  private static double errorRate(String value) throws BadFlagException {
    try {
      double rate = Double.parseDouble(value);
      if (rate >= 0 && rate <= 1) {
        return rate;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new BadFlagException("--error-rate must be from 0.0 to 1.0, not '" + value + "'");
  }

  private static long seed(String value) throws BadFlagException {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new BadFlagException("--seed must be a whole number, not '" + value + "'");
    }
  }

  private static Duration duration(String flag, String value) throws BadFlagException {
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new BadFlagException(
          flag + " must be a duration such as 25ms, 2s or 1m, not '" + value + "'");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      default -> Duration.ofMinutes(amount);
    };
  }
}
