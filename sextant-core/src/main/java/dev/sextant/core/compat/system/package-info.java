/** Host validators: CPU architecture and flags, OS, kernel, libc, memory and disk. */
package dev.sextant.core.compat.system;
