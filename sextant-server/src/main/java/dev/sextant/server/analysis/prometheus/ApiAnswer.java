package dev.sextant.server.analysis.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.server.analysis.prometheus.PrometheusQueryException.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON envelope of Prometheus' query API ({@code status}, {@code data.resultType}, {@code
 * data.result}, or {@code errorType} and {@code error}) into a {@link QueryResult}.
 */
final class ApiAnswer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiAnswer() {}

  /**
   * The result in {@code body}, an answer of Prometheus at {@code address} with HTTP {@code
   * status}.
   *
   * @throws PrometheusQueryException when Prometheus refused the query or the body is not its API's
   *     answer
   */
  static QueryResult read(String address, int status, String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      root = null;
    }
    if (root == null || !root.isObject() || !root.path("status").isTextual()) {
      // A proxy in front of Prometheus, or not Prometheus at all; its body is not repeated, as it
      // may echo the request.
      throw new PrometheusQueryException(
          Kind.MALFORMED,
          "Prometheus at "
              + address
              + " answered HTTP "
              + status
              + (status == 200
                  ? " with a body that is not its API's JSON"
                  : ", not its API's JSON"));
    }
    if ("error".equals(root.get("status").asText())) {
      throw new PrometheusQueryException(
          Kind.REFUSED,
          "Prometheus at "
              + address
              + " refused the query (HTTP "
              + status
              + ", "
              + root.path("errorType").asText("no error type")
              + "): "
              + root.path("error").asText("no reason given"));
    }
    try {
      return result(root.path("data"));
    } catch (IllegalArgumentException e) {
      throw new PrometheusQueryException(
          Kind.MALFORMED, "Prometheus at " + address + " answered " + e.getMessage(), e);
    }
  }

  private static QueryResult result(JsonNode data) {
    String type = data.path("resultType").asText("");
    JsonNode result = data.path("result");
    return switch (type) {
      case "vector" -> vector(result);
      case "matrix" -> matrix(result);
      case "scalar" -> new QueryResult.Scalar(time(result.path(0)), value(result.path(1)));
      case "string" -> new QueryResult.Text(time(result.path(0)), result.path(1).asText());
      default -> throw new IllegalArgumentException("a result of unknown type '" + type + "'");
    };
  }

  private static QueryResult.Vector vector(JsonNode result) {
    List<QueryResult.Sample> samples = new ArrayList<>();
    for (JsonNode series : array(result)) {
      JsonNode value = series.path("value");
      samples.add(
          new QueryResult.Sample(
              labels(series.path("metric")), time(value.path(0)), value(value.path(1))));
    }
    samples.sort(Comparator.comparing(s -> QueryResult.selector(s.labels())));
    return new QueryResult.Vector(samples);
  }

  private static QueryResult.Matrix matrix(JsonNode result) {
    List<QueryResult.Series> all = new ArrayList<>();
    for (JsonNode series : array(result)) {
      List<QueryResult.Point> points = new ArrayList<>();
      for (JsonNode value : array(series.path("values"))) {
        points.add(new QueryResult.Point(time(value.path(0)), value(value.path(1))));
      }
      all.add(new QueryResult.Series(labels(series.path("metric")), points));
    }
    all.sort(Comparator.comparing(s -> QueryResult.selector(s.labels())));
    return new QueryResult.Matrix(all);
  }

  private static Iterable<JsonNode> array(JsonNode node) {
    if (!node.isArray()) {
      throw new IllegalArgumentException("a result that is not a list");
    }
    return node;
  }

  private static Map<String, String> labels(JsonNode metric) {
    Map<String, String> labels = new LinkedHashMap<>();
    metric.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  /** Unix seconds, with milliseconds as the fraction: Prometheus' own precision. */
  private static Instant time(JsonNode node) {
    if (!node.isNumber()) {
      throw new IllegalArgumentException("a sample without a time");
    }
    return Instant.ofEpochMilli(Math.round(node.asDouble() * 1000));
  }

  /** A sample's value, which Prometheus writes as a string so NaN and ±Inf fit in JSON. */
  private static double value(JsonNode node) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException("a sample without a value");
    }
    String text = node.asText();
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("a sample value that is not a number: " + text);
        }
      }
    };
  }
}
