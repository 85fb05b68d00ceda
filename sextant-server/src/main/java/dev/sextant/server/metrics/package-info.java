/** The server's metrics in Prometheus format (Micrometer), served at /metrics. */
package dev.sextant.server.metrics;
