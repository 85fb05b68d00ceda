/** The {@code sextant} command line: the entry point, exit codes and error reporting. */
package dev.sextant.cli;
