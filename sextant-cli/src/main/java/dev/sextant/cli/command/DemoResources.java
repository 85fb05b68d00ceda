package dev.sextant.cli.command;

import java.nio.file.Path;

/**
 * The resources of the demo's deploy story: the sample Service, its canary Strategy, its analyses
 * (scraped errors, or a judge against a baseline on Prometheus' numbers) and its releases.
 */
final class DemoResources {
  /** 20% of traffic, the analysis named by the one format argument, 50%, a 2 s pause, promote. */
  static final String STRATEGY =
      """
      apiVersion: sextant.dev/v1
      kind: Strategy
      metadata:
        name: demo-canary
      spec:
        description: The demo's canary, in seconds rather than minutes.
        canary:
          steps:
            - setWeight: 20
            - analysis:
                templates: [%s]
            - setWeight: 50
            - pause:
                duration: 2s
            - promote: {}
        abort:
          onFailure: rollback
          progressDeadline: 1m
      """;

  /**
   * Kayenta's way, against the server's Prometheus: the canary's error ratio and latency compared
   * with a baseline of the stable version that gets the same share of traffic, eight one-second
   * samples each; errors weigh most and fail the canary alone.
   */
  static final String JUDGED =
      """
      apiVersion: sextant.dev/v1
      kind: AnalysisTemplate
      metadata:
        name: sample-judge
      spec:
        description: Canary against baseline, judged by a Mann-Whitney test on Prometheus' numbers.
        metrics:
          - name: error-ratio
            interval: 1s
            initialDelay: 3s
            count: 8
            provider:
              prometheus:
                query: >-
                  sum(rate(sample_requests_total{service="sample",track="{{track}}",code="500"}[3s]))
                  / sum(rate(sample_requests_total{service="sample",track="{{track}}"}[3s]))
          - name: latency-p90
            interval: 1s
            initialDelay: 3s
            count: 8
            provider:
              prometheus:
                query: >-
                  histogram_quantile(0.9, sum by (le)
                  (rate(sample_request_duration_seconds_bucket{service="sample",track="{{track}}"}[3s])))
        judge:
          mannWhitney:
            confidence: 0.95
            effectSize: 0.5
            marginal: 50
            pass: 70
          metrics:
            - name: error-ratio
              direction: increase
              critical: true
              mustHaveData: true
              group: errors
            - name: latency-p90
              direction: increase
              group: latency
          groups:
            errors: 70
            latency: 30
      """;

  /** Fails at one 500 a second on the canary; passes under one every two seconds. */
  static final String TEMPLATE =
      """
      apiVersion: sextant.dev/v1
      kind: AnalysisTemplate
      metadata:
        name: sample-errors
      spec:
        description: Server errors per second on the canary, scraped from its /metrics.
        metrics:
          - name: server-errors
            interval: 1s
            count: 3
            successCondition: result[0] < 0.5
            failureCondition: result[0] >= 1
            provider:
              scrape:
                path: /metrics
                metric: sample_requests_total
                labels:
                  code: "500"
      """;

  static final String SERVICE =
      """
      apiVersion: sextant.dev/v1
      kind: Service
      metadata:
        name: sample
      spec:
        description: The project's sample HTTP service, with its error rate set by a flag.
        owner: team-platform
      """;

  private DemoResources() {}

  static String release(String version, Path jar, String sha256, String errorRate) {
    return """
        apiVersion: sextant.dev/v1
        kind: Release
        metadata:
          name: sample-%s
          labels:
            app.kubernetes.io/name: sample
            licence: Apache-2.0
        spec:
          service: sample
          version: %s
          strategy: demo-canary
          variants:
            - name: jar
              artifact:
                url: file:%s
                sha256: %s
              run:
                command: [java, -XX:TieredStopAtLevel=1, -jar, "{{artifact}}", "--port={{port}}", --version, "%s", --error-rate, "%s"]
                readinessPath: /healthz
                stopTimeout: 5s
        """
        .formatted(version.replace('.', '-'), version, jar, sha256, version, errorRate);
  }
}
