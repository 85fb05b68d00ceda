package dev.sextant.sample;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters and the latency histogram of {@code /} requests, written in the Prometheus text
 * exposition format 0.0.4 — by hand, so the service needs nothing but the JDK.
 *
 * <p>One lock over all of it: a scrape then never sees a bucket that disagrees with the count, and
 * a sample service takes no load that would make the lock matter.
 */
final class RequestMetrics {
  /** Content type of {@link #exposition()}. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Upper bounds in seconds, Prometheus' default buckets. */
  static final double[] BUCKETS = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};

  private final String versionLabel;
  private final Map<Integer, Long> requestsByCode = new TreeMap<>();
  private final long[] bucketCounts = new long[BUCKETS.length];
  private long count;
  private long inFlight;
  private double sumSeconds;

  RequestMetrics(String version) {
    this.versionLabel = "version=\"" + escape(version) + "\"";
    // both codes that / answers are there from the start, so a rate over them is defined before
    // the first error
    requestsByCode.put(200, 0L);
    requestsByCode.put(500, 0L);
  }

  /** A {@code /} request has arrived; {@link #observe} ends it. */
  synchronized void arrived() {
    inFlight++;
  }

  /** Counts one answered {@code /} request. */
  synchronized void observe(int code, Duration took) {
    inFlight--;
    requestsByCode.merge(code, 1L, Long::sum);
    double seconds = took.toNanos() / 1e9;
    for (int i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]) {
        bucketCounts[i]++;
      }
    }
    count++;
    sumSeconds += seconds;
  }

  /** Every metric, in the text exposition format 0.0.4, ending with a newline. */
  synchronized String exposition() {
    var out = new StringBuilder();
    out.append("# HELP sample_requests_total Requests to / by response code.\n");
    out.append("# TYPE sample_requests_total counter\n");
    requestsByCode.forEach(
        (code, n) ->
            out.append("sample_requests_total{")
                .append(versionLabel)
                .append(",code=\"")
                .append(code)
                .append("\"} ")
                .append(n)
                .append('\n'));
    out.append(
        "# HELP sample_request_duration_seconds Time to answer a request to /, latency included.\n");
    out.append("# TYPE sample_request_duration_seconds histogram\n");
    for (int i = 0; i < BUCKETS.length; i++) {
      bucket(out, Double.toString(BUCKETS[i]), bucketCounts[i]);
    }
    bucket(out, "+Inf", count);
    out.append("sample_request_duration_seconds_sum{")
        .append(versionLabel)
        .append("} ")
        .append(sumSeconds)
        .append('\n');
    out.append("sample_request_duration_seconds_count{")
        .append(versionLabel)
        .append("} ")
        .append(count)
        .append('\n');
    // lets a test (or an operator) see that a request is inside the service before it stops it
    out.append("# HELP sample_requests_in_flight Requests to / being answered now.\n");
    out.append("# TYPE sample_requests_in_flight gauge\n");
    out.append("sample_requests_in_flight{")
        .append(versionLabel)
        .append("} ")
        .append(inFlight)
        .append('\n');
    out.append("# HELP sample_build_info The version this service was started as.\n");
    out.append("# TYPE sample_build_info gauge\n");
    out.append("sample_build_info{").append(versionLabel).append("} 1\n");
    return out.toString();
  }

  private void bucket(StringBuilder out, String le, long n) {
    out.append("sample_request_duration_seconds_bucket{")
        .append(versionLabel)
        .append(",le=\"")
        .append(le)
        .append("\"} ")
        .append(n)
        .append('\n');
  }

  /** A label value as the format requires: backslash, double quote and line feed escaped. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
