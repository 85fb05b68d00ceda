/**
 * A Prometheus of the local target's own: found or installed, run on loopback, scraping the
 * instances it is told of through file-based service discovery.
 */
package dev.sextant.server.targets.local.prometheus;
