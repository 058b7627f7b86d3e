package dev.hype.cli;

import picocli.CommandLine;

/** Report Hype's version and the Lua release it runs, for picocli's {@code --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return VersionText.lines();
    }
}
