/** The domain of Sextant: values and pure decisions, with no I/O, no clock and no framework. */
package dev.sextant.core;
