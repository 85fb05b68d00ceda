/** Checking resources at the edge: every problem with its file, position, field and reason. */
package dev.sextant.core.validation;
