/**
 * Fingerprints (DESIGN §3): typed facts about an environment, grouped in layers, digested and
 * signed; and drift, the difference between two fingerprints or between declared and observed
 * facts.
 *
 * <ul>
 *   <li>{@link dev.sextant.core.fingerprint.Fact} and {@link dev.sextant.core.fingerprint.Layer}:
 *       the vocabulary; {@link dev.sextant.core.fingerprint.FactTypes} types hand-written values by
 *       key, with {@link dev.sextant.core.fingerprint.Quantities} and {@link
 *       dev.sextant.core.fingerprint.Versions} for the exact parts.
 *   <li>{@link dev.sextant.core.fingerprint.Fingerprint} and its {@link
 *       dev.sextant.core.fingerprint.FingerprintDigests}: what is compared and stored.
 *   <li>{@link dev.sextant.core.fingerprint.FingerprintFiles}: reading with positions, writing.
 *   <li>{@link dev.sextant.core.fingerprint.FingerprintSigner}, {@link
 *       dev.sextant.core.fingerprint.FingerprintVerifier}, {@link
 *       dev.sextant.core.fingerprint.SigningKeys}: Ed25519 from the JDK.
 *   <li>{@link dev.sextant.core.fingerprint.Drift}: reports of what changed, per layer.
 * </ul>
 *
 * Nothing here reads files, clocks or randomness: bytes, times and a {@code SecureRandom} come in
 * as parameters.
 */
package dev.sextant.core.fingerprint;
