package dev.hype.runtime.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Put the C library back in the "C" locale, where {@code lua5.4} runs.
 *
 * <p>The JVM calls {@code setlocale(LC_ALL, "")} at start-up, so without this Lua would format
 * numbers with the user's decimal separator, compare strings with {@code strcoll} in the user's
 * collation order (a different {@code table.sort} result), and run string operations several times
 * slower. The Java side does not depend on the C locale.
 */
final class CLocale {
    private static volatile boolean applied;

    private CLocale() {
    }

    /** Switch the process's C locale to "C", once. */
    static void apply() {
        if (applied) {
            return;
        }
        synchronized (CLocale.class) {
            if (applied) {
                return;
            }
            applied = true;
            Linker linker = Linker.nativeLinker();
            linker.defaultLookup().find("setlocale").ifPresent(symbol -> {
                MethodHandle setlocale = linker.downcallHandle(symbol,
                        FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment c = arena.allocateFrom("C");
                    MemorySegment ignored = (MemorySegment) setlocale.invokeExact(lcAll(), c);
                } catch (Throwable e) {
                    throw new IllegalStateException("could not set the C locale", e);
                }
            });
        }
    }

    /** Return the value of {@code LC_ALL}: 6 on Linux (glibc and musl), 0 on macOS and Windows. */
    private static int lcAll() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") ? 6 : 0;
    }
}
