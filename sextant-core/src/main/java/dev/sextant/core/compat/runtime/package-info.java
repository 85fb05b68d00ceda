/**
 * Built-in validators for language runtimes: the environment's Python (PEP 440) and Java (JEP 223)
 * versions.
 */
package dev.sextant.core.compat.runtime;
