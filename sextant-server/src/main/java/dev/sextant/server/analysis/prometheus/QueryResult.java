package dev.sextant.server.analysis.prometheus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a PromQL query gave, in each of the shapes Prometheus answers with ({@code resultType}).
 * Values are doubles as Prometheus wrote them, NaN and ±Inf included: what they mean is for the
 * caller to decide. Series are sorted by their labels, so the same answer reads the same each time.
 */
public sealed interface QueryResult {

  /** Prometheus' name for this shape: vector, scalar, matrix or string. */
  String resultType();

  /** An instant query's answer: one sample per series. */
  record Vector(List<Sample> samples) implements QueryResult {
    public Vector {
      samples = List.copyOf(samples);
    }

    @Override
    public String resultType() {
      return "vector";
    }
  }

  /** One number with no labels, such as {@code scalar(…)} or {@code 1 + 1}. */
  record Scalar(Instant at, double value) implements QueryResult {
    public Scalar {
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String resultType() {
      return "scalar";
    }
  }

  /** A range query's answer (or a range selector's): points over time per series. */
  record Matrix(List<Series> series) implements QueryResult {
    public Matrix {
      series = List.copyOf(series);
    }

    @Override
    public String resultType() {
      return "matrix";
    }
  }

  /** A string literal, which no metric can be judged by. */
  record Text(Instant at, String value) implements QueryResult {
    public Text {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String resultType() {
      return "string";
    }
  }

  /** One series' value at one time. */
  record Sample(Map<String, String> labels, Instant at, double value) {
    public Sample {
      labels = sorted(labels);
      Objects.requireNonNull(at, "at");
    }
  }

  /** One series' values over time, oldest first. */
  record Series(Map<String, String> labels, List<Point> points) {
    public Series {
      labels = sorted(labels);
      points = List.copyOf(points);
    }

    /** The values alone, oldest first. */
    public List<Double> values() {
      return points.stream().map(Point::value).toList();
    }
  }

  /** A value at a time. */
  record Point(Instant at, double value) {
    public Point {
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * Labels as PromQL writes a selector, {@code {code="500",track="canary"}}: the order series are
   * sorted in, and how a message names one.
   */
  static String selector(Map<String, String> labels) {
    StringBuilder text = new StringBuilder("{");
    new TreeMap<>(labels)
        .forEach(
            (name, value) -> {
              if (text.length() > 1) {
                text.append(',');
              }
              text.append(name).append("=\"").append(PromQl.escape(value)).append('"');
            });
    return text.append('}').toString();
  }

  private static Map<String, String> sorted(Map<String, String> labels) {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
  }
}
