/**
 * Python interpreters and the wheel tags they accept: {@link dev.sextant.core.python.SupportedTags}
 * reproduces {@code packaging.tags.sys_tags()} (packaging 26.2, the library pip vendors) tag for
 * tag and in the same order, for the agent's Python probe and for fingerprints written by hand.
 *
 * <p>Sources: PEP 425 (tag triples and their preference order), PEP 3149 (ABI flags such as {@code
 * d}, {@code m}, {@code u}), PEP 384 ({@code abi3}), PEP 513/571/599 (manylinux1, 2010, 2014), PEP
 * 600 ({@code manylinux_x_y}), PEP 656 ({@code musllinux_x_y}), PEP 703 (free-threaded {@code t}
 * builds) and PEP 803 ({@code abi3t}); packaging's {@code tags.py}, {@code _manylinux.py}, {@code
 * _musllinux.py} and {@code _elffile.py}.
 */
package dev.sextant.core.python;
