package io.offloadctl.node.ffi;

/** The strings and sizes of an ETHTOOL_GDRVINFO answer, copied out of native memory. */
public record DriverInfoStruct(String driver, String version, String firmwareVersion, String expansionRomVersion,
                               String busInfo, int privFlags, int stats, int testInfoLength,
                               int eepromDumpLength, int registerDumpLength) {
}
