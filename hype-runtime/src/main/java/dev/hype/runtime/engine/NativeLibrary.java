package dev.hype.runtime.engine;

import com.badlogic.gdx.jnigen.loader.SharedLibraryLoader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
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
final class NativeLibrary {
    /** The system property naming the directory with the unpacked natives jar. */
    static final String DIRECTORY_PROPERTY = "hype.natives";

    private static boolean tried;

    private NativeLibrary() {
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
        }
    }
}
