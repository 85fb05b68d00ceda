/** Reading resource files and directories named on the command line. */
package dev.sextant.cli.input;
