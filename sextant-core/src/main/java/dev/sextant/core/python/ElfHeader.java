package dev.sextant.core.python;

/**
 * What packaging reads from the interpreter executable's ELF header (packaging's {@code
 * _elffile.py}) to decide whether a 32-bit ARM or x86 build can load manylinux wheels at all.
 *
 * @param elfClass {@code EI_CLASS}: 1 for 32-bit, 2 for 64-bit
 * @param encoding {@code EI_DATA}: 1 for little-endian, 2 for big-endian
 * @param machine {@code e_machine}: 3 for i386, 40 for ARM, 62 for x86-64, 183 for AArch64
 * @param flags {@code e_flags}
 */
public record ElfHeader(int elfClass, int encoding, int machine, long flags) {
  private static final int CLASS_32 = 1;
  private static final int CLASS_64 = 2;
  private static final int LITTLE_ENDIAN = 1;
  private static final int MACHINE_I386 = 3;
  private static final int MACHINE_ARM = 40;
  private static final long EF_ARM_ABIMASK = 0xFF000000L;
  private static final long EF_ARM_ABI_VER5 = 0x05000000L;
  private static final long EF_ARM_ABI_FLOAT_HARD = 0x00000400L;

  /** A 32-bit little-endian i386 executable. */
  public static ElfHeader i386() {
    return new ElfHeader(CLASS_32, LITTLE_ENDIAN, MACHINE_I386, 0);
  }

  /** A 32-bit ARM EABI version 5 hard-float executable, as Debian's and manylinux's armhf. */
  public static ElfHeader armhf() {
    return new ElfHeader(
        CLASS_32, LITTLE_ENDIAN, MACHINE_ARM, EF_ARM_ABI_VER5 | EF_ARM_ABI_FLOAT_HARD);
  }

  /** A 32-bit ARM soft-float executable (armel): not manylinux-compatible. */
  public static ElfHeader armel() {
    return new ElfHeader(CLASS_32, LITTLE_ENDIAN, MACHINE_ARM, EF_ARM_ABI_VER5);
  }

  /** A 64-bit little-endian executable for the given machine. */
  public static ElfHeader lsb64(int machine) {
    return new ElfHeader(CLASS_64, LITTLE_ENDIAN, machine, 0);
  }

  /** packaging's {@code _is_linux_armhf}: the hard-float ABI of the ARM EABI version 5. */
  public boolean isArmHardFloat() {
    return elfClass == CLASS_32
        && encoding == LITTLE_ENDIAN
        && machine == MACHINE_ARM
        && (flags & EF_ARM_ABIMASK) == EF_ARM_ABI_VER5
        && (flags & EF_ARM_ABI_FLOAT_HARD) == EF_ARM_ABI_FLOAT_HARD;
  }

  /** packaging's {@code _is_linux_i686}. */
  public boolean isI386() {
    return elfClass == CLASS_32 && encoding == LITTLE_ENDIAN && machine == MACHINE_I386;
  }
}
