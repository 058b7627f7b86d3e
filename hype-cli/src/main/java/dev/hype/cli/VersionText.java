package dev.hype.cli;

import dev.hype.runtime.engine.LuaRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The lines {@code hype --version} prints: Hype's version and the Lua release it runs.
 *
 * <p>{@link Main} prints them itself for a bare {@code hype --version}, without building a picocli
 * command model, so this class must not mention picocli.
 */
final class VersionText {
    private VersionText() {
    }

    /** Return the lines, in order. */
    static String[] lines() {
        return new String[] {"hype " + hypeVersion(), LuaRuntime.luaRelease()};
    }

    /** Return Hype's version from the build, or {@code unknown}. */
    static String hypeVersion() {
        Properties properties = new Properties();
        try (InputStream in = VersionText.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
