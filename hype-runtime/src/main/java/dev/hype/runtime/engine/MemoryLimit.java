package dev.hype.runtime.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Cap the memory of one Lua state by installing an allocator with {@code lua_setallocf}.
 *
 * <p>LuaJava binds neither {@code lua_setallocf} nor {@code lua_gc}, so this reaches them through
 * the JDK's foreign function API in the Lua library LuaJava loaded. The allocator counts the
 * bytes Lua holds and answers NULL past the cap; Lua turns that into a catchable
 * {@code not enough memory} error after a full collection, so a single huge allocation fails
 * cleanly instead of taking the process down.
 */
// Calls native code on purpose (restricted methods); the launcher and the tests run with
// --enable-native-access=ALL-UNNAMED, so javac's "restricted" warning says nothing new here.
@SuppressWarnings("restricted")
final class MemoryLimit {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle REALLOC;
    private static final MethodHandle FREE;
    private static final FunctionDescriptor ALLOC_SIGNATURE = FunctionDescriptor.of(ValueLayout.ADDRESS,
            ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);

    static {
        SymbolLookup libc = LINKER.defaultLookup();
        REALLOC = LINKER.downcallHandle(libc.find("realloc").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
        FREE = LINKER.downcallHandle(libc.find("free").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
    }

    private final long limit;
    private final Arena arena = Arena.ofShared();
    private long used;

    private MemoryLimit(long limit, long alreadyUsed) {
        this.limit = limit;
        this.used = alreadyUsed;
    }

    /** Install a cap of {@code limit} bytes on the state, counting what it already holds. */
    static MemoryLimit install(long statePointer, long limit) {
        SymbolLookup lua = luaLibrary().orElseThrow(() -> new UnsupportedOperationException(
                "--max-memory needs the Lua library's path, which this platform does not expose"));
        MemorySegment state = MemorySegment.ofAddress(statePointer);
        try {
            MethodHandle gc = LINKER.downcallHandle(lua.find("lua_gc").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                    Linker.Option.firstVariadicArg(2));
            long kilobytes = (int) gc.invokeExact(state, 3); // LUA_GCCOUNT
            long bytes = (int) gc.invokeExact(state, 4); // LUA_GCCOUNTB
            MemoryLimit cap = new MemoryLimit(limit, kilobytes * 1024 + bytes);
            MethodHandle target = MethodHandles.lookup().findVirtual(MemoryLimit.class, "allocate",
                    MethodType.methodType(MemorySegment.class, MemorySegment.class, MemorySegment.class,
                            long.class, long.class)).bindTo(cap);
            MemorySegment allocator = LINKER.upcallStub(target, ALLOC_SIGNATURE, cap.arena);
            MethodHandle setAllocator = LINKER.downcallHandle(lua.find("lua_setallocf").orElseThrow(),
                    FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            setAllocator.invokeExact(state, allocator, MemorySegment.NULL);
            return cap;
        } catch (Throwable e) {
            throw new IllegalStateException("could not install the memory limit: " + e, e);
        }
    }

    /** Lua's {@code lua_Alloc}: free, allocate or resize, refusing growth past the cap. */
    @SuppressWarnings("unused")
    private MemorySegment allocate(MemorySegment userData, MemorySegment block, long oldSize, long newSize) {
        long held = block.address() == 0 ? 0 : oldSize;
        try {
            if (newSize == 0) {
                if (block.address() != 0) {
                    FREE.invokeExact(block);
                }
                used -= held;
                return MemorySegment.NULL;
            }
            if (newSize > held && used + (newSize - held) > limit) {
                return MemorySegment.NULL;
            }
            MemorySegment result = (MemorySegment) REALLOC.invokeExact(block, newSize);
            if (result.address() != 0) {
                used += newSize - held;
            }
            return result;
        } catch (Throwable e) {
            return MemorySegment.NULL;
        }
    }

    long used() {
        return used;
    }

    /** Find the Lua library LuaJava loaded among the files mapped into this process. */
    static Optional<SymbolLookup> luaLibrary() {
        return NativeLibrary.mappedFile().map(path -> SymbolLookup.libraryLookup(path, Arena.global()));
    }
}
