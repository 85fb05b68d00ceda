/**
 * The {@code wheel} rule: whether a Python wheel (PEP 427) installs in an environment, as pip
 * decides.
 */
package dev.sextant.core.compat.wheel;
