package dev.hype.runtime.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/**
 * Give {@code io.popen}, {@code os.execute} and {@code os.tmpname} the behaviour of a Lua built
 * with {@code LUA_USE_LINUX}, through the JDK's foreign function API.
 *
 * <p>LuaJava's library is compiled without {@code LUA_USE_POSIX}: its {@code io.popen} raises
 * "'popen' not supported", {@code os.execute} returns the raw wait status and {@code os.tmpname}
 * returns a name without creating the file. These replacements do what {@code liolib.c} and
 * {@code loslib.c} do under POSIX, against the same C library: {@code io.popen} returns a real
 * {@code luaL_Stream} (a {@code FILE*} from {@code popen}, the {@code FILE*} metatable), so every
 * file method is Lua's own; its {@code closef} is an upcall that runs {@code pclose} and pushes
 * what {@code luaL_execresult} pushes, without allocating and without raising (no Lua error may
 * unwind through Java frames). Arguments are checked before any native call, with lua5.4's
 * messages.
 */
final class PosixLibrary {
    private static final int REGISTRY_INDEX = -1001000;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout STREAM = MemoryLayout.structLayout(
            ValueLayout.ADDRESS.withName("f"), ValueLayout.ADDRESS.withName("closef"));
    private static final VarHandle STREAM_FILE = STREAM.varHandle(MemoryLayout.PathElement.groupElement("f"));
    private static final VarHandle STREAM_CLOSE = STREAM.varHandle(MemoryLayout.PathElement.groupElement("closef"));
    private static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static PosixLibrary instance;
    private static boolean tried;

    private final MethodHandle popen;
    private final MethodHandle pclose;
    private final MethodHandle system;
    private final MethodHandle mkstemp;
    private final MethodHandle close;
    private final MethodHandle strerror;
    private final MethodHandle newUserdata;
    private final MethodHandle setMetatable;
    private final MethodHandle toUserdata;
    private final MethodHandle pushBoolean;
    private final MethodHandle pushNil;
    private final MethodHandle pushInteger;
    private final MethodHandle pushString;
    private final MethodHandle rawGetP;
    private final MethodHandle rawSetP;
    private final MemorySegment closeStub;
    /** Two addresses that key the strings "exit" and "signal" in each state's registry. */
    private final MemorySegment keys = Arena.global().allocate(2);
    private final MemorySegment fileHandleName = Arena.global().allocateFrom("FILE*");

    private PosixLibrary(SymbolLookup lua) throws ReflectiveOperationException {
        SymbolLookup libc = LINKER.defaultLookup();
        Linker.Option errno = Linker.Option.captureCallState("errno");
        ValueLayout address = ValueLayout.ADDRESS;
        ValueLayout integer = ValueLayout.JAVA_INT;
        popen = LINKER.downcallHandle(libc.find("popen").orElseThrow(), FunctionDescriptor.of(address, address, address),
                errno);
        pclose = LINKER.downcallHandle(libc.find("pclose").orElseThrow(), FunctionDescriptor.of(integer, address), errno);
        system = LINKER.downcallHandle(libc.find("system").orElseThrow(), FunctionDescriptor.of(integer, address), errno);
        mkstemp = LINKER.downcallHandle(libc.find("mkstemp").orElseThrow(), FunctionDescriptor.of(integer, address),
                errno);
        close = LINKER.downcallHandle(libc.find("close").orElseThrow(), FunctionDescriptor.of(integer, integer));
        strerror = LINKER.downcallHandle(libc.find("strerror").orElseThrow(), FunctionDescriptor.of(address, integer));
        newUserdata = LINKER.downcallHandle(lua.find("lua_newuserdatauv").orElseThrow(),
                FunctionDescriptor.of(address, address, ValueLayout.JAVA_LONG, integer));
        setMetatable = LINKER.downcallHandle(lua.find("luaL_setmetatable").orElseThrow(),
                FunctionDescriptor.ofVoid(address, address));
        toUserdata = LINKER.downcallHandle(lua.find("lua_touserdata").orElseThrow(),
                FunctionDescriptor.of(address, address, integer));
        pushBoolean = LINKER.downcallHandle(lua.find("lua_pushboolean").orElseThrow(),
                FunctionDescriptor.ofVoid(address, integer));
        pushNil = LINKER.downcallHandle(lua.find("lua_pushnil").orElseThrow(), FunctionDescriptor.ofVoid(address));
        pushInteger = LINKER.downcallHandle(lua.find("lua_pushinteger").orElseThrow(),
                FunctionDescriptor.ofVoid(address, ValueLayout.JAVA_LONG));
        pushString = LINKER.downcallHandle(lua.find("lua_pushstring").orElseThrow(),
                FunctionDescriptor.of(address, address, address));
        rawGetP = LINKER.downcallHandle(lua.find("lua_rawgetp").orElseThrow(),
                FunctionDescriptor.of(integer, address, integer, address));
        rawSetP = LINKER.downcallHandle(lua.find("lua_rawsetp").orElseThrow(),
                FunctionDescriptor.ofVoid(address, integer, address));
        MethodHandle target = MethodHandles.lookup().findVirtual(PosixLibrary.class, "closeStream",
                MethodType.methodType(int.class, MemorySegment.class)).bindTo(this);
        closeStub = LINKER.upcallStub(target, FunctionDescriptor.of(integer, address), Arena.global());
    }

    /** Return the library, or empty where the C library or Lua's symbols cannot be reached. */
    static synchronized Optional<PosixLibrary> get() {
        if (!tried) {
            tried = true;
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            if (os.contains("linux") || os.contains("mac")) {
                try {
                    instance = MemoryLimit.luaLibrary().map(lua -> {
                        try {
                            return new PosixLibrary(lua);
                        } catch (ReflectiveOperationException | RuntimeException e) {
                            return null;
                        }
                    }).orElse(null);
                } catch (RuntimeException e) {
                    instance = null;
                }
            }
        }
        return Optional.ofNullable(instance);
    }

    /** Prepare a new state: the strings the close upcall pushes, kept in its registry. */
    void prepare(long statePointer) {
        MemorySegment state = MemorySegment.ofAddress(statePointer);
        try (Arena arena = Arena.ofConfined()) {
            String[] names = {"exit", "signal"};
            for (int i = 0; i < names.length; i++) {
                MemorySegment unused = (MemorySegment) pushString.invokeExact(state, arena.allocateFrom(names[i]));
                rawSetP.invokeExact(state, REGISTRY_INDEX, keys.asSlice(i, 1));
            }
        } catch (Throwable e) {
            throw new IllegalStateException("could not prepare the POSIX functions: " + e, e);
        }
    }

    /** {@code io.popen(prog [, mode])}. */
    int popen(LuaStack stack) {
        byte[] program = stack.checkBytes(1, "popen");
        byte[] mode = stack.type(2) == LuaType.NONE || stack.type(2) == LuaType.NIL ? new byte[] {'r'}
                : stack.checkBytes(2, "popen");
        if (mode.length != 1 || (mode[0] != 'r' && mode[0] != 'w')) {
            throw LuaError.badArgument(2, "popen", "invalid mode");
        }
        MemorySegment state = state(stack);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment stream = ((MemorySegment) newUserdata.invokeExact(state, STREAM.byteSize(), 0))
                    .reinterpret(STREAM.byteSize());
            STREAM_FILE.set(stream, 0L, MemorySegment.NULL);
            STREAM_CLOSE.set(stream, 0L, MemorySegment.NULL);
            setMetatable.invokeExact(state, fileHandleName);
            MemorySegment callState = arena.allocate(CALL_STATE);
            MemorySegment file = (MemorySegment) popen.invokeExact(callState, cString(arena, program),
                    cString(arena, mode));
            if (file.address() == 0) {
                int error = (int) ERRNO.get(callState, 0L);
                stack.pushNil();
                stack.pushBytes(concat(program, (": " + message(error)).getBytes()));
                stack.pushInteger(error);
                return 3;
            }
            STREAM_FILE.set(stream, 0L, file);
            STREAM_CLOSE.set(stream, 0L, closeStub);
            return 1;
        } catch (LuaError e) {
            throw e;
        } catch (Throwable e) {
            throw new LuaError("popen: " + e);
        }
    }

    /** {@code os.execute([command])}. */
    int execute(LuaStack stack) {
        boolean none = stack.type(1) == LuaType.NONE || stack.type(1) == LuaType.NIL;
        byte[] command = none ? null : stack.checkBytes(1, "execute");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callState = arena.allocate(CALL_STATE);
            MemorySegment argument = command == null ? MemorySegment.NULL : cString(arena, command);
            int status = (int) system.invokeExact(callState, argument);
            if (command == null) {
                stack.pushBoolean(status != 0);
                return 1;
            }
            int error = (int) ERRNO.get(callState, 0L);
            if (status != 0 && error != 0) {
                stack.pushNil();
                stack.pushString(message(error));
                stack.pushInteger(error);
                return 3;
            }
            boolean exited = (status & 0x7f) == 0;
            int code = exited ? (status >> 8) & 0xff : status & 0x7f;
            if (exited && code == 0) {
                stack.pushBoolean(true);
            } else {
                stack.pushNil();
            }
            stack.pushString(exited ? "exit" : "signal");
            stack.pushInteger(code);
            return 3;
        } catch (Throwable e) {
            throw new LuaError("execute: " + e);
        }
    }

    /** {@code os.tmpname()}: create the file, as lua5.4 does with {@code mkstemp}. */
    int tmpname(LuaStack stack) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment template = arena.allocateFrom("/tmp/lua_XXXXXX");
            MemorySegment callState = arena.allocate(CALL_STATE);
            int fd = (int) mkstemp.invokeExact(callState, template);
            if (fd == -1) {
                throw new LuaError("unable to generate a unique filename");
            }
            int ignored = (int) close.invokeExact(fd);
            stack.pushString(template.getString(0));
            return 1;
        } catch (LuaError e) {
            throw e;
        } catch (Throwable e) {
            throw new LuaError("tmpname: " + e);
        }
    }

    /**
     * The {@code closef} of a stream from {@code io.popen}: {@code pclose}, then the results of
     * {@code luaL_execresult}. Called by Lua's {@code f:close()} and its finalizer, through C.
     * It pushes only values that need no allocation (the two strings come from the registry), so
     * nothing here can raise a Lua error.
     */
    @SuppressWarnings("unused")
    private int closeStream(MemorySegment state) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment stream = ((MemorySegment) toUserdata.invokeExact(state, 1)).reinterpret(STREAM.byteSize());
            MemorySegment file = (MemorySegment) STREAM_FILE.get(stream, 0L);
            MemorySegment callState = arena.allocate(CALL_STATE);
            int status = (int) pclose.invokeExact(callState, file);
            int error = (int) ERRNO.get(callState, 0L);
            if (status != 0 && error != 0) {
                pushNil.invokeExact(state);
                MemorySegment unused = (MemorySegment) pushString.invokeExact(state, (MemorySegment) strerror.invokeExact(error));
                pushInteger.invokeExact(state, (long) error);
                return 3;
            }
            boolean exited = (status & 0x7f) == 0;
            int code = exited ? (status >> 8) & 0xff : status & 0x7f;
            if (exited && code == 0) {
                pushBoolean.invokeExact(state, 1);
            } else {
                pushNil.invokeExact(state);
            }
            int type = (int) rawGetP.invokeExact(state, REGISTRY_INDEX, keys.asSlice(exited ? 0 : 1, 1));
            pushInteger.invokeExact(state, (long) code);
            return 3;
        } catch (Throwable e) {
            return 0;
        }
    }

    private static MemorySegment state(LuaStack stack) {
        return MemorySegment.ofAddress(((CallStack) stack).statePointer());
    }

    private String message(int error) throws Throwable {
        MemorySegment text = ((MemorySegment) strerror.invokeExact(error)).reinterpret(Long.MAX_VALUE);
        return text.getString(0);
    }

    private static MemorySegment cString(Arena arena, byte[] bytes) {
        MemorySegment segment = arena.allocate(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, 0, bytes.length);
        segment.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return segment;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
