package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.LuaError;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Turn Lua strings into paths and file names back into Lua strings, byte for byte.
 *
 * <p>Lua strings are bytes, and so are Linux file names; Java's paths are made from strings,
 * encoded with the platform's charset, so a name that is not UTF-8 (say {@code caf\xE9}) would
 * turn into another name. A path whose bytes are not UTF-8 is made from its bytes by the JDK's own
 * Unix path class, and a name read from a directory gives back its bytes, when the JVM opens
 * {@code java.base/sun.nio.fs} to Hype (the launcher does: {@code --add-opens}). Without that, such
 * a path is an argument error rather than a different file.
 */
final class FileNames {
    private static final MethodHandle FROM_BYTES;
    private static final MethodHandle TO_BYTES;

    static {
        MethodHandle from = null;
        MethodHandle to = null;
        try {
            FileSystem fs = FileSystems.getDefault();
            Class<?> unixPath = Class.forName("sun.nio.fs.UnixPath");
            Class<?> unixFs = Class.forName("sun.nio.fs.UnixFileSystem");
            if (unixFs.isInstance(fs)) {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(unixPath, MethodHandles.lookup());
                from = lookup.findConstructor(unixPath, MethodType.methodType(void.class, unixFs, byte[].class))
                        .bindTo(fs).asType(MethodType.methodType(Path.class, byte[].class));
                to = lookup.findVirtual(unixPath, "asByteArray", MethodType.methodType(byte[].class))
                        .asType(MethodType.methodType(byte[].class, Path.class));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            from = null;
            to = null;
        }
        FROM_BYTES = from;
        TO_BYTES = to;
    }

    private FileNames() {
    }

    /** Return the path whose bytes are {@code bytes}, argument {@code arg} of {@code function}. */
    static Path of(byte[] bytes, int arg, String function) {
        String text = utf8(bytes);
        try {
            if (text != null) {
                return Path.of(text);
            }
            if (FROM_BYTES != null) {
                return (Path) FROM_BYTES.invokeExact(bytes);
            }
        } catch (InvalidPathException e) {
            throw LuaError.badArgument(arg, function, "invalid path: " + e.getReason());
        } catch (Throwable e) {
            throw LuaError.badArgument(arg, function, "invalid path: " + e);
        }
        throw LuaError.badArgument(arg, function, "invalid path: not UTF-8, and this JVM does not let Hype "
                + "make paths from bytes (run it with --add-opens=java.base/sun.nio.fs=ALL-UNNAMED)");
    }

    /** Return the bytes of a file name, as the file system holds them. */
    static byte[] bytes(Path name) {
        if (TO_BYTES != null) {
            try {
                return (byte[]) TO_BYTES.invokeExact(name);
            } catch (Throwable e) {
                // the name's text below
            }
        }
        return name.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
