/**
 * The SLO burn-rate gate as a pure function: multiwindow, multi-burn-rate verdicts (SRE workbook)
 * over error ratios that come in as data, and those ratios computed from scraped counters.
 */
package dev.sextant.core.analysis.burn;
