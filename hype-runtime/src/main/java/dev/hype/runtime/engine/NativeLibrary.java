package dev.hype.runtime.engine;

import com.badlogic.gdx.jnigen.loader.SharedLibraryLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import party.iroiro.luajava.lua54.Lua54Natives;

/**
 * Load LuaJava's native library from a directory where the distribution unpacked it.
 *
 * <p>LuaJava's own loader (jnigen's) reads the library out of its jar and checksums it on every
 * start, twice, before it loads the copy it extracted to the temporary directory: a tenth of
 * {@code hype hello.lua}. When the system property {@value #DIRECTORY_PROPERTY} names a directory
 * holding the library under jnigen's name for this platform, this loads it directly and marks it
 * loaded in {@link Lua54Natives}, whose constructor then skips its loader. Without the property,
 * without the file, or if LuaJava's internals differ from 4.1.0's, LuaJava loads as usual.
 */
// Calls native code on purpose (restricted methods); the launcher and the tests run with
// --enable-native-access=ALL-UNNAMED, so javac's "restricted" warning says nothing new here.
@SuppressWarnings("restricted")
final class NativeLibrary {
    /** The system property naming the directory with the unpacked natives jar. */
    static final String DIRECTORY_PROPERTY = "hype.natives";

    private static boolean tried;
    private static Path preloaded;
    private static Boolean promoted;

    private NativeLibrary() {
    }

    /** Return the file of the Lua library this process mapped, as {@code /proc/self/maps} lists it. */
    static Optional<Path> mappedFile() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(maps)) {
            return lines.map(line -> line.indexOf('/') >= 0 ? line.substring(line.indexOf('/')) : "")
                    .filter(path -> path.contains("liblua54"))
                    .findFirst()
                    .map(Path::of);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * Return the file of the Lua library this process runs: the one {@code /proc/self/maps} lists,
     * else the one {@link #preload} loaded; empty when neither is known. Never another copy: a
     * second copy of Lua's code working on this state would not recognise its internal constants.
     */
    static synchronized Optional<Path> libraryFile() {
        Optional<Path> mapped = mappedFile();
        return mapped.isPresent() ? mapped : Optional.ofNullable(preloaded);
    }

    /**
     * Make the Lua C API of the loaded library visible to libraries loaded after it, as if it had
     * been loaded with {@code RTLD_GLOBAL}: C modules ({@code lfs.so}, {@code lpeg.so}) call
     * {@code lua_gettop} and friends without linking to a Lua library themselves. The JVM loads
     * libraries with {@code RTLD_LOCAL}; {@code dlopen(path, RTLD_NOW | RTLD_NOLOAD | RTLD_GLOBAL)}
     * on the already loaded file promotes it. Once per JVM; returns whether it held.
     */
    static synchronized boolean promoteToGlobal() {
        if (promoted != null) {
            return promoted;
        }
        promoted = false;
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        int flags;
        if (os.contains("linux")) {
            flags = 0x2 | 0x4 | 0x100;
        } else if (os.contains("mac")) {
            flags = 0x2 | 0x10 | 0x8;
        } else {
            return false;
        }
        Optional<Path> file = mappedFile();
        if (file.isEmpty()) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            MethodHandle dlopen = linker.downcallHandle(linker.defaultLookup().find("dlopen").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            MemorySegment handle = (MemorySegment) dlopen.invokeExact(arena.allocateFrom(file.get().toString()), flags);
            promoted = handle.address() != 0;
        } catch (Throwable e) {
            promoted = false;
        }
        return promoted;
    }

    /** Load the library from {@value #DIRECTORY_PROPERTY} if possible; once per JVM, before the first state. */
    static synchronized void preload() {
        if (tried) {
            return;
        }
        tried = true;
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory == null) {
            return;
        }
        Path file = Path.of(directory, new SharedLibraryLoader().mapLibraryName("lua54")).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            return;
        }
        AtomicReference<String> loaded;
        MethodHandle initBindings;
        try {
            // Method handles, not Method.invoke: its accessor spins classes at run time.
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Lua54Natives.class, MethodHandles.lookup());
            @SuppressWarnings("unchecked")
            AtomicReference<String> reference = (AtomicReference<String>) lookup
                    .findStaticVarHandle(Lua54Natives.class, "loaded", AtomicReference.class).get();
            loaded = reference;
            initBindings = lookup.findStatic(Lua54Natives.class, "initBindings", MethodType.methodType(int.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return;
        }
        // Lua54Natives' constructor holds the same lock while it loads.
        synchronized (loaded) {
            if (loaded.get() != null) {
                return;
            }
            System.load(file.toString());
            int status;
            try {
                status = (int) initBindings.invokeExact();
            } catch (Throwable e) {
                throw new LinkageError("LuaJava could not initialise its bindings in " + file, e);
            }
            if (status != 0) {
                throw new LinkageError("LuaJava could not initialise its bindings in " + file);
            }
            loaded.set(file.toString());
            preloaded = file;
        }
    }
}
