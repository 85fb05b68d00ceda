/** One class per {@code sextant} subcommand. */
package dev.sextant.cli.command;
