package io.offloadctl.node.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = OffloadctlCommand.class.getPackage().getImplementationVersion();
        return new String[] {"offloadctl " + (version == null ? "development" : version)};
    }
}
