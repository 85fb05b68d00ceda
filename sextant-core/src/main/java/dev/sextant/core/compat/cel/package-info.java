/**
 * CEL requirements ({@code cel:}) over a fingerprint's facts: {@code facts["gpu[0].memory"]} holds
 * every fact by its key, {@code value} the requirement's own {@code fact}, and {@code
 * versionAtLeast}, {@code versionCompare} and {@code quantity} compare versions and amounts of
 * bytes as the rest of Sextant does; see {@link dev.sextant.core.compat.cel.CelFacts}.
 */
package dev.sextant.core.compat.cel;
