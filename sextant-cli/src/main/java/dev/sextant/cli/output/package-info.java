/** Rendering results as tables for people and as JSON or YAML for scripts. */
package dev.sextant.cli.output;
