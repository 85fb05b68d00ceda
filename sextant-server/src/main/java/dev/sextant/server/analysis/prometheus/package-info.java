/** Prometheus' HTTP API as typed results: instant and range queries, their answers and refusals. */
package dev.sextant.server.analysis.prometheus;
