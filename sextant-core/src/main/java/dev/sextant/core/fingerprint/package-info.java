/** Fingerprints: typed facts about an environment, grouped in layers, digested and signed. */
package dev.sextant.core.fingerprint;
