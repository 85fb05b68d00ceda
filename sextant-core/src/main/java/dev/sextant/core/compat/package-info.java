/**
 * Compatibility (DESIGN §4): requirements on facts, the validators that know the field's rules, and
 * the findings that say, for one environment, whether a requirement is met and why.
 *
 * <p>A requirement is prepared once ({@link dev.sextant.core.compat.Validator#prepare}), which
 * checks its arguments, and then evaluated against any number of fingerprints ({@link
 * dev.sextant.core.compat.Constraint}). Validators are plug-ins found through {@link
 * java.util.ServiceLoader}; the built-in ones are registered the same way. A requirement on one
 * fact ({@code fact: memory.total, min: 16Gi}) needs no validator: {@link
 * dev.sextant.core.compat.FactConstraint} prepares it by the fact's type.
 */
package dev.sextant.core.compat;
