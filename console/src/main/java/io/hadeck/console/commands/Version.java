package io.hadeck.console.commands;

import picocli.CommandLine;

/** The version from the jar's manifest, "dev" when run from classes. */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"hadeck " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
}
