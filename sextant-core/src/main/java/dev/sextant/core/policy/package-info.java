/**
 * Policies in every decision (DESIGN §7, Trust): which Policies apply to a release in an
 * environment, and what each one's CEL rule says of it, evaluated with a bound on work and failing
 * closed.
 */
package dev.sextant.core.policy;
