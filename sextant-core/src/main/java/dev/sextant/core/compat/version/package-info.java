/**
 * Version ranges in the three schemes requirements use: npm semver ranges, PEP 440 specifiers and
 * plain dotted versions.
 */
package dev.sextant.core.compat.version;
