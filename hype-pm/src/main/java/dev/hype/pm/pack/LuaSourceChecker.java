package dev.hype.pm.pack;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Check that each {@code .lua} file compiles, with one Lua state created on first use; nothing is run.
 *
 * <p>Like the runtime it holds, an instance belongs to the thread that first uses it. Close it when packing is
 * done.
 */
public final class LuaSourceChecker implements SourceChecker, AutoCloseable {
    /** Code of a Lua file that does not compile. */
    public static final String E_LUA_SYNTAX = "E_LUA_SYNTAX";

    private LuaRuntime runtime;

    @Override
    public void check(Path file, String entryPath) {
        byte[] source;
        try {
            source = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PackException(PackException.E_PACK, "cannot read " + file + ": " + e.getMessage(), List.of(), e);
        }
        if (runtime == null) {
            runtime = LuaRuntime.create(RuntimeOptions.defaults());
        }
        Optional<String> error = runtime.syntaxError(Chunk.ofFile(asLoaded(source), entryPath));
        if (error.isPresent()) {
            throw new PackException(E_LUA_SYNTAX, "syntax error in " + entryPath + ": " + error.get(),
                List.of("fix the file, or leave it out of the package with 'files' in hype.json or .hypeignore"));
        }
    }

    /**
     * Return the source as the runtime compiles it: without a UTF-8 byte order mark, and with a first line
     * starting with {@code #} (a shebang such as {@code #!/usr/bin/env hype}) commented out, as {@code lua5.4} does.
     */
    static byte[] asLoaded(byte[] source) {
        byte[] text = source;
        if (text.length >= 3 && (text[0] & 0xff) == 0xEF && (text[1] & 0xff) == 0xBB && (text[2] & 0xff) == 0xBF) {
            text = java.util.Arrays.copyOfRange(text, 3, text.length);
        }
        if (text.length == 0 || text[0] != '#') {
            return text;
        }
        byte[] out = new byte[text.length + 2];
        out[0] = '-';
        out[1] = '-';
        System.arraycopy(text, 0, out, 2, text.length);
        return out;
    }

    @Override
    public void close() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }
}
