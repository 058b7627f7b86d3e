package dev.hype.runtime.builtins;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Change the environment of the process itself, through the C library ({@code setenv} and
 * {@code unsetenv}, called with the foreign function API), so that Lua's {@code os.getenv} and the
 * children started by {@code io.popen} and {@code os.execute} see the change, as they do in Node.
 *
 * <p>The JVM's own {@link System#getenv()} is a snapshot taken at start-up and does not change.
 * Where the C functions cannot be found (Windows), changes stay in this object's overlay.
 */
@SuppressWarnings("restricted")
final class NativeEnvironment {
    private final MethodHandle setenv;
    private final MethodHandle unsetenv;
    private final MemorySegment environ;
    private final Map<String, Optional<String>> overlay = new TreeMap<>();

    NativeEnvironment() {
        MethodHandle set = null;
        MethodHandle unset = null;
        MemorySegment env = null;
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            Optional<MemorySegment> setSymbol = libc.find("setenv");
            Optional<MemorySegment> unsetSymbol = libc.find("unsetenv");
            if (setSymbol.isPresent() && unsetSymbol.isPresent()) {
                set = linker.downcallHandle(setSymbol.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                        ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
                unset = linker.downcallHandle(unsetSymbol.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                        ValueLayout.ADDRESS));
                env = libc.find("environ")
                        .map(s -> s.reinterpret(ValueLayout.ADDRESS.byteSize()))
                        .orElse(null);
            }
        } catch (RuntimeException | LinkageError e) {
            // No usable C library: fall back to the overlay.
        }
        this.setenv = set;
        this.unsetenv = unset;
        this.environ = env;
    }

    /** Set {@code name} to {@code value}, or remove it when {@code value} is null. */
    synchronized void put(String name, String value) {
        overlay.put(name, Optional.ofNullable(value));
        if (setenv == null) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cName = arena.allocateFrom(name);
            int rc = value == null
                    ? (int) unsetenv.invokeExact(cName)
                    : (int) setenv.invokeExact(cName, arena.allocateFrom(value), 1);
            if (rc != 0) {
                throw new IllegalStateException("the C library refused to set the variable " + name);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Return whether changes reach the C library's environment (and so {@code os.getenv}). */
    boolean changesProcess() {
        return setenv != null;
    }

    /** Return the value of {@code name} as this object knows it: changes made here, else the JVM's snapshot. */
    synchronized String get(String name) {
        Optional<String> changed = overlay.get(name);
        return changed != null ? changed.orElse(null) : System.getenv(name);
    }

    /** Return every variable and its value, sorted by name. */
    synchronized Map<String, String> snapshot() {
        Map<String, String> all = new TreeMap<>();
        if (environ != null) {
            MemorySegment array = environ.get(ValueLayout.ADDRESS, 0).reinterpret(Long.MAX_VALUE);
            for (long i = 0;; i++) {
                MemorySegment entry = array.getAtIndex(ValueLayout.ADDRESS, i);
                if (entry.equals(MemorySegment.NULL)) {
                    break;
                }
                String line = entry.reinterpret(Long.MAX_VALUE).getString(0);
                int eq = line.indexOf('=');
                if (eq > 0) {
                    all.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return all;
        }
        all.putAll(System.getenv());
        overlay.forEach((k, v) -> {
            if (v.isPresent()) {
                all.put(k, v.get());
            } else {
                all.remove(k);
            }
        });
        return all;
    }
}
