/**
 * Parameters of a variant (DESIGN §4), fixed or derived from facts ({@code gpu[0].memory / 2Gi},
 * bounded by min and max), resolved against one fingerprint with the derivation in words.
 */
package dev.sextant.core.compat.parameter;
