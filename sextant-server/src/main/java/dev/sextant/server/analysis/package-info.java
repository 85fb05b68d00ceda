/**
 * Analysis at the edge: metric providers that fetch measurements and the runner that judges them.
 */
package dev.sextant.server.analysis;
