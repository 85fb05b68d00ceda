/**
 * Analysis as pure functions: the Prometheus text format, the scrape provider's rates, ratios and
 * quantiles between two scrapes, and Argo Rollouts' measurement, metric and run verdicts; fetched
 * text and times come in as data.
 */
package dev.sextant.core.analysis;
