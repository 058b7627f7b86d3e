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
// Calls native code on purpose (restricted methods); the launcher and the tests run with
// --enable-native-access=ALL-UNNAMED, so javac's "restricted" warning says nothing new here.
@SuppressWarnings("restricted")
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
    private final MethodHandle errnoLocation;
    private final MethodHandle newUserdata;
    private final MethodHandle setMetatable;
    private final MethodHandle toUserdata;
    private final MethodHandle pushBoolean;
    private final MethodHandle pushNil;
    private final MethodHandle pushInteger;
    private final MethodHandle pushString;
    private final MethodHandle rawGetP;
    private final MethodHandle rawSetP;
    private final MethodHandle toLString;
    private final MethodHandle type;
    private final MethodHandle pushCClosure;
    private final MemorySegment closeStub;
    private final MemorySegment popenStub;
    private final MemorySegment executeStub;
    private final MemorySegment tmpnameStub;
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
        errnoLocation = LINKER.downcallHandle(libc.find("__errno_location").or(() -> libc.find("__error")).orElseThrow(),
                FunctionDescriptor.of(address));
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
        toLString = LINKER.downcallHandle(lua.find("lua_tolstring").orElseThrow(),
                FunctionDescriptor.of(address, address, integer, address));
        type = LINKER.downcallHandle(lua.find("lua_type").orElseThrow(), FunctionDescriptor.of(integer, address, integer));
        pushCClosure = LINKER.downcallHandle(lua.find("lua_pushcclosure").orElseThrow(),
                FunctionDescriptor.ofVoid(address, address, integer));
        closeStub = stub("closeStream");
        popenStub = stub("popen");
        executeStub = stub("execute");
        tmpnameStub = stub("tmpname");
    }

    /** Make a C function ({@code int f(lua_State *L)}) of the method {@code name}. */
    private MemorySegment stub(String name) throws ReflectiveOperationException {
        MethodHandle target = MethodHandles.lookup().findVirtual(PosixLibrary.class, name,
                MethodType.methodType(int.class, MemorySegment.class)).bindTo(this);
        return LINKER.upcallStub(target, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS), Arena.global());
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

    /**
     * Push the C functions behind {@code io.popen}, {@code os.execute} and {@code os.tmpname} (the
     * prelude's Lua wrappers check the arguments first, with lua5.4's messages) into {@code table}
     * on top of the stack. They are plain C functions, not LuaJava's: LuaJava's glue assigns the
     * global {@code __jthrowable__} after every call, which a script's {@code __newindex} on
     * {@code _G} would see.
     */
    void pushFunctions(LuaStack stack) {
        MemorySegment state = state(stack);
        String[] names = {"popen", "execute", "tmpname"};
        MemorySegment[] stubs = {popenStub, executeStub, tmpnameStub};
        for (int i = 0; i < names.length; i++) {
            try {
                pushCClosure.invokeExact(state, stubs[i], 0);
            } catch (Throwable e) {
                throw new IllegalStateException("could not push " + names[i] + ": " + e, e);
            }
            stack.setField(-2, names[i]);
        }
    }

    /**
     * {@code popen(prog, mode)}, both strings, mode "r" or "w" (checked by the caller): a stream,
     * or nil, message, errno.
     */
    @SuppressWarnings("unused")
    private int popen(MemorySegment state) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment program = argument(arena, state, 1);
            MemorySegment mode = argument(arena, state, 2);
            MemorySegment stream = ((MemorySegment) newUserdata.invokeExact(state, STREAM.byteSize(), 0))
                    .reinterpret(STREAM.byteSize());
            STREAM_FILE.set(stream, 0L, MemorySegment.NULL);
            STREAM_CLOSE.set(stream, 0L, MemorySegment.NULL);
            setMetatable.invokeExact(state, fileHandleName);
            MemorySegment callState = arena.allocate(CALL_STATE);
            clearErrno();
            MemorySegment file = (MemorySegment) popen.invokeExact(callState, program, mode);
            STREAM_CLOSE.set(stream, 0L, closeStub);
            if (file.address() == 0) {
                int error = (int) ERRNO.get(callState, 0L);
                pushNil.invokeExact(state);
                byte[] name = program.toArray(ValueLayout.JAVA_BYTE);
                byte[] text = concat(java.util.Arrays.copyOf(name, name.length - 1),
                        (": " + message(error)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                MemorySegment unused = (MemorySegment) pushString.invokeExact(state, cString(arena, text));
                pushInteger.invokeExact(state, (long) error);
                return 3;
            }
            STREAM_FILE.set(stream, 0L, file);
            return 1;
        } catch (Throwable e) {
            return 0;
        }
    }

    /** {@code execute(command)}, a string or nil (checked by the caller): what lua5.4's os.execute returns. */
    @SuppressWarnings("unused")
    private int execute(MemorySegment state) {
        try (Arena arena = Arena.ofConfined()) {
            boolean none = (int) type.invokeExact(state, 1) <= 0;
            MemorySegment command = none ? MemorySegment.NULL : argument(arena, state, 1);
            MemorySegment callState = arena.allocate(CALL_STATE);
            clearErrno();
            int status = (int) system.invokeExact(callState, command);
            if (none) {
                pushBoolean.invokeExact(state, status != 0 ? 1 : 0);
                return 1;
            }
            return execResult(state, status, (int) ERRNO.get(callState, 0L));
        } catch (Throwable e) {
            return 0;
        }
    }

    /** {@code tmpname()}: create the file, as lua5.4 does with {@code mkstemp}; nothing on failure. */
    @SuppressWarnings("unused")
    private int tmpname(MemorySegment state) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment template = arena.allocateFrom("/tmp/lua_XXXXXX");
            MemorySegment callState = arena.allocate(CALL_STATE);
            int fd = (int) mkstemp.invokeExact(callState, template);
            if (fd == -1) {
                return 0;
            }
            int ignored = (int) close.invokeExact(fd);
            MemorySegment unused = (MemorySegment) pushString.invokeExact(state, template);
            return 1;
        } catch (Throwable e) {
            return 0;
        }
    }

    /** {@code errno = 0}, as liolib.c and loslib.c set it before popen, pclose and system. */
    private void clearErrno() throws Throwable {
        MemorySegment location = ((MemorySegment) errnoLocation.invokeExact()).reinterpret(4);
        location.set(ValueLayout.JAVA_INT, 0, 0);
    }

    /** Copy the string argument {@code index} (a string, checked by the caller) to a C string. */
    private MemorySegment argument(Arena arena, MemorySegment state, int index) throws Throwable {
        MemorySegment length = arena.allocate(ValueLayout.JAVA_LONG);
        MemorySegment text = (MemorySegment) toLString.invokeExact(state, index, length);
        long size = length.get(ValueLayout.JAVA_LONG, 0);
        MemorySegment copy = arena.allocate(size + 1);
        MemorySegment.copy(text.reinterpret(size + 1), 0, copy, 0, size);
        copy.set(ValueLayout.JAVA_BYTE, size, (byte) 0);
        return copy;
    }

    /** Push what {@code luaL_execresult} pushes, without allocating (the strings are in the registry). */
    private int execResult(MemorySegment state, int status, int error) throws Throwable {
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
        int ignored = (int) rawGetP.invokeExact(state, REGISTRY_INDEX, keys.asSlice(exited ? 0 : 1, 1));
        pushInteger.invokeExact(state, (long) code);
        return 3;
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
            clearErrno();
            int status = (int) pclose.invokeExact(callState, file);
            return execResult(state, status, (int) ERRNO.get(callState, 0L));
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
