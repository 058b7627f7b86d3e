package dev.hype.pm.install;

/**
 * Write the files {@code hype_modules/.bin} holds for a package's bin: small launchers that run the bin's Lua file
 * with {@code hype}, so it runs by name (as npm's bins do) and runs as the package's code, under the package's
 * approved permissions, never with the user's full rights. The package's own file is never made executable.
 *
 * <p>The hype that runs it is {@code $HYPE_LAUNCHER} when set ({@code hype pkg run} sets it to its own launcher),
 * else {@code hype} on {@code PATH}. Names and targets are checked by {@link Bins} and hold no character either
 * shell would interpret.
 */
final class BinShims {
    private BinShims() {
    }

    /** Return the POSIX {@code sh} launcher of {@code command}, whose file is {@code target} in {@code packageName}. */
    static String posix(String packageName, String command, String target) {
        return "#!/bin/sh\n"
                + "# Written by hype pkg install. Runs the command '" + command + "' of the package " + packageName
                + " with hype,\n"
                + "# as " + packageName + "'s code, under its approved permissions (docs/permissions.md).\n"
                + "case \"$0\" in */*) dir=\"${0%/*}\" ;; *) dir=. ;; esac\n"
                + "exec \"${HYPE_LAUNCHER:-hype}\" \"$dir/../" + packageName + "/" + target + "\" \"$@\"\n";
    }

    /** Return the Windows {@code cmd.exe} launcher of {@code command}, as {@link #posix} does for sh. */
    static String windows(String packageName, String command, String target) {
        String relative = (packageName + "/" + target).replace('/', '\\');
        return "@ECHO off\r\n"
                + "REM Written by hype pkg install. Runs the command '" + command + "' of the package " + packageName
                + " with hype,\r\n"
                + "REM as " + packageName + "'s code, under its approved permissions (docs/permissions.md).\r\n"
                + "SETLOCAL\r\n"
                + "IF DEFINED HYPE_LAUNCHER (SET \"_hype=%HYPE_LAUNCHER%\") ELSE (SET \"_hype=hype\")\r\n"
                + "\"%_hype%\" \"%~dp0..\\" + relative + "\" %*\r\n";
    }
}
