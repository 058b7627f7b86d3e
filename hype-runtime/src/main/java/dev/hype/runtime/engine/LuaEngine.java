package dev.hype.runtime.engine;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import party.iroiro.luajava.JFunction;
import party.iroiro.luajava.Lua;
import party.iroiro.luajava.lua54.Lua54;

/** Implement {@link LuaRuntime} over one LuaJava {@code Lua54} state. */
final class LuaEngine implements LuaRuntime {
    static final String LUA_RELEASE = "Lua 5.4.8";

    private static final int OUTCOME_DONE = 0;
    private static final int OUTCOME_EXIT = 1;
    private static final int OUTCOME_ERROR = 2;
    private static final int OUTCOME_TIMEOUT = 3;
    private static final int OUTCOME_INCOMPLETE = 4;
    private static final int OUTCOME_SYNTAX = 5;
    private static final int LUA_ERRMEM = 4;

    private final Thread owner = Thread.currentThread();
    private final RuntimeOptions options;
    private final Lua lua;
    private final CallStack stack;
    private final int entryRef;
    private final MemoryLimit memoryLimit;
    private List<String> interpreterArguments = List.of(System.getProperty("hype.argv0", "hype"));
    private ByteBuffer scratch = ByteBuffer.allocateDirect(8192);
    private long deadline;
    private boolean clockRunning;
    private volatile boolean interruptRequested;
    private boolean interruptible;
    private boolean closed;
    /** The last run ended in {@code os.exit} without its {@code close} argument: {@link #close} leaves the state. */
    private boolean exitLeavesState;

    LuaEngine(RuntimeOptions options) {
        this.options = options;
        NativeLibrary.preload();
        this.lua = new Lua54();
        this.stack = new CallStack(lua, this);
        lua.openLibraries();
        this.memoryLimit = options.maxMemoryBytes() > 0
                ? MemoryLimit.install(stack.statePointer(), options.maxMemoryBytes())
                : null;
        this.entryRef = loadPrelude();
        if (!options.timeout().isZero()) {
            callEntry("enable_limits", 0);
            stack.pop(stack.top());
        }
    }

    private int loadPrelude() {
        Chunk prelude = Chunk.ofResource(LuaEngine.class, "prelude.lua", "=[hype]");
        int status = stack.loadBuffer(prelude.source(), prelude.chunkName());
        if (status == LUA_ERRMEM && memoryLimit != null) {
            // The cap is below what Lua needs to start: the user's option, not a fault of Hype.
            lua.close();
            throw new dev.hype.runtime.HypeException("E_USAGE", "a memory limit of " + options.maxMemoryBytes()
                    + " bytes is too small for Lua to start", List.of("allow more, for example --max-memory 16m"));
        }
        if (status != 0) {
            throw new IllegalStateException("the engine prelude does not compile: " + stack.toText(-1));
        }
        stack.newTable(0, 1);
        stack.pushFunction("deadline_passed", s -> {
            s.pushBoolean(clockRunning && System.nanoTime() - deadline > 0);
            return 1;
        });
        stack.setField(-2, "deadline_passed");
        stack.pushFunction("interrupted", s -> {
            s.pushBoolean(interruptRequested);
            interruptRequested = false;
            return 1;
        });
        stack.setField(-2, "interrupted");
        LuaPaths paths = LuaPaths.of(System.getenv(), options.ignoreEnvironment());
        stack.pushString(paths.path());
        stack.setField(-2, "path");
        stack.pushString(paths.cpath());
        stack.setField(-2, "cpath");
        // The foreign function API costs a tenth of a second at its first use, so what needs it is
        // bound when a program first needs it: the C modules' global symbols before the first C
        // module loads, the POSIX functions at their first call.
        stack.pushFunction("promote", s -> {
            s.pushBoolean(NativeLibrary.promoteToGlobal());
            return 1;
        });
        stack.setField(-2, "promote");
        stack.pushFunction("library", s -> {
            java.util.Optional<java.nio.file.Path> file = NativeLibrary.libraryFile();
            if (file.isEmpty()) {
                return 0;
            }
            s.pushString(file.get().toString());
            return 1;
        });
        stack.setField(-2, "library");
        stack.pushFunction("posix", s -> {
            PosixLibrary posix = PosixLibrary.get().orElse(null);
            if (posix == null) {
                return 0;
            }
            posix.prepare(((CallStack) s).statePointer());
            s.newTable(0, 3);
            posix.pushFunctions(s);
            return 1;
        });
        stack.setField(-2, "posix");
        if (LuaCoverage.enabled()) {
            stack.pushFunction("coverage", s -> {
                LuaCoverage.record(s.toText(1), s.toText(2));
                return 0;
            });
            stack.setField(-2, "coverage");
            stack.pushInteger(LuaCoverage.FIRST_LINE - 1);
            stack.setField(-2, "coverage_from");
        }
        if (stack.protectedCall(1, 1) != 0) {
            throw new IllegalStateException("the engine prelude failed: " + stack.toText(-1));
        }
        return stack.ref();
    }

    @Override
    public int run(Chunk chunk, String scriptName, List<String> args) {
        return runChunk(chunk, scriptName, args, args);
    }

    @Override
    public int runCommandLine(Chunk chunk, String scriptName, List<String> args) {
        return runChunk(chunk, scriptName, args, List.of());
    }

    /** Set {@code arg}, compile {@code chunk} and run it as lua.c runs a chunk, with {@code varargs} as {@code ...}. */
    private int runChunk(Chunk chunk, String scriptName, List<String> args, List<String> varargs) {
        checkAccess();
        int base = stack.top();
        try {
            setArgTable(scriptName, args);
            if (stack.loadBuffer(chunk.source(), chunk.chunkName()) != 0) {
                throw ScriptException.syntaxError(stack.toText(-1));
            }
            return runMainFunction(base, varargs);
        } finally {
            stopClock();
            stack.setTop(base);
        }
    }

    @Override
    public int runProduced(Chunk producer, String scriptName, List<String> args) {
        checkAccess();
        int base = stack.top();
        try {
            setArgTable(scriptName, args);
            if (stack.loadBuffer(producer.source(), producer.chunkName()) != 0) {
                throw new IllegalStateException("the producer does not compile: " + stack.toText(-1));
            }
            if (stack.protectedCall(0, 2) != 0) {
                throw ScriptException.runtimeError(describeTop(), "");
            }
            if (stack.type(-2) != LuaType.FUNCTION) {
                throw ScriptException.syntaxError(describeTop());
            }
            stack.pop(1);
            return runMainFunction(base, args);
        } finally {
            stopClock();
            stack.setTop(base);
        }
    }

    /**
     * Call the function on top as lua.c calls a script: through {@code xpcall} with the message
     * handler, called from Java, so the chunk's only caller is one C function (scripts that test
     * {@code pcall(debug.getlocal, 4, 1)} to tell whether they were required see what they see
     * under lua5.4).
     */
    private int runMainFunction(int base, List<String> args) {
        int function = stack.top();
        stack.pushRef(entryRef);
        int entry = stack.top();
        stack.getField(entry, "handler");
        int handler = stack.top();
        stack.pushValue(function);
        for (String a : args) {
            stack.pushString(a);
        }
        startClock();
        int status = stack.protectedCall(args.size(), 1, handler);
        stopClock();
        stack.getField(entry, "finish");
        stack.pushBoolean(status == 0);
        stack.pushValue(-3);
        if (stack.protectedCall(2, 4) != 0) {
            throw ScriptException.runtimeError(describeTop(), "");
        }
        int outcome = (int) stack.toInteger(-4);
        return switch (outcome) {
            case OUTCOME_DONE -> 0;
            case OUTCOME_EXIT -> {
                exitLeavesState = !stack.toBoolean(-2);
                yield (int) stack.toInteger(-3);
            }
            case OUTCOME_TIMEOUT -> throw ScriptException.timeout(options.timeout());
            default -> throw ScriptException.runtimeError(stack.toText(-2), stack.toText(-1));
        };
    }

    @Override
    public java.util.Optional<String> syntaxError(Chunk chunk) {
        checkAccess();
        int base = stack.top();
        try {
            return stack.loadBuffer(chunk.source(), chunk.chunkName()) == 0
                    ? java.util.Optional.empty() : java.util.Optional.of(describeTop());
        } finally {
            stack.setTop(base);
        }
    }

    @Override
    public void setInterpreterArguments(List<String> before) {
        checkAccess();
        interpreterArguments = List.copyOf(before);
    }

    /** lua.c's arg table: the interpreter and its options at negative indices, the script at 0. */
    private void setArgTable(String scriptName, List<String> args) {
        stack.newTable(args.size(), interpreterArguments.size() + 1);
        for (int i = 0; i < interpreterArguments.size(); i++) {
            stack.pushString(interpreterArguments.get(i));
            stack.rawSetIndex(-2, i - interpreterArguments.size());
        }
        stack.pushString(scriptName);
        stack.rawSetIndex(-2, 0);
        for (int i = 0; i < args.size(); i++) {
            stack.pushString(args.get(i));
            stack.rawSetIndex(-2, i + 1);
        }
        stack.setGlobal("arg");
    }

    @Override
    public void enableInterrupts() {
        checkAccess();
        if (!interruptible) {
            interruptible = true;
            callEntry("enable_interrupts", 0);
            stack.pop(stack.top());
        }
    }

    @Override
    public void interrupt() {
        interruptRequested = true;
    }

    @Override
    public EvalResult evaluate(String input) {
        checkAccess();
        interruptRequested = false;
        int base = stack.top();
        try {
            callEntryWith("repl", input);
            int outcome = (int) stack.toInteger(base + 1);
            return switch (outcome) {
                case OUTCOME_DONE -> new EvalResult.Values(stack.type(base + 2) == LuaType.STRING
                        ? stack.toText(base + 2) : "");
                case OUTCOME_EXIT -> new EvalResult.Exited((int) stack.toInteger(base + 2));
                case OUTCOME_INCOMPLETE -> new EvalResult.Incomplete();
                case OUTCOME_TIMEOUT -> new EvalResult.Failed("timeout");
                case OUTCOME_ERROR, OUTCOME_SYNTAX -> new EvalResult.Failed(stack.toText(base + 2));
                default -> throw new IllegalStateException("unknown REPL outcome " + outcome);
            };
        } finally {
            stack.setTop(base);
        }
    }

    private void callEntryWith(String name, String argument) {
        stack.pushRef(entryRef);
        stack.getField(-1, name);
        stack.pushString(argument);
        int status = stack.protectedCall(1, 2);
        if (status != 0) {
            throw ScriptException.runtimeError(describeTop(), "");
        }
        // Drop the entry table below the results.
        lua.remove(-3);
    }

    private void callEntry(String name, int results) {
        stack.pushRef(entryRef);
        stack.getField(-1, name);
        if (stack.protectedCall(0, results) != 0) {
            throw new IllegalStateException("engine entry '" + name + "' failed: " + describeTop());
        }
    }

    @Override
    public void setGlobal(String name, JavaFunction function) {
        checkAccess();
        stack.pushFunction(name, function);
        stack.setGlobal(name);
    }

    @Override
    public void install(String name, Chunk chunk, Map<String, JavaFunction> natives) {
        checkAccess();
        int base = stack.top();
        try {
            if (stack.loadBuffer(chunk.source(), chunk.chunkName()) != 0) {
                throw new IllegalStateException("built-in code does not compile: " + stack.toText(-1));
            }
            stack.newTable(0, natives.size());
            natives.forEach((key, fn) -> {
                stack.pushFunction(key, fn);
                stack.setField(-2, key);
            });
            if (stack.protectedCall(1, 1) != 0) {
                throw new IllegalStateException("built-in set-up " + chunk.chunkName() + " failed: " + describeTop());
            }
            if (name != null) {
                stack.setGlobal(name);
            }
        } finally {
            stack.setTop(base);
        }
    }

    @Override
    public long memoryInUse() {
        checkAccess();
        if (memoryLimit != null) {
            return memoryLimit.used();
        }
        int base = stack.top();
        try {
            if (stack.loadBuffer("return collectgarbage('count')".getBytes(), "=[hype]") != 0
                    || stack.protectedCall(0, 1) != 0) {
                throw new IllegalStateException(describeTop());
            }
            return (long) (stack.toNumber(-1) * 1024);
        } finally {
            stack.setTop(base);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        checkThread();
        if (LuaCoverage.enabled()) {
            takeCoverage();
        }
        closed = true;
        if (!exitLeavesState) {
            lua.close();
        }
    }

    /** Hand this state's line counts of Hype's own Lua to {@link LuaCoverage}; a state that cannot is skipped. */
    private void takeCoverage() {
        int base = stack.top();
        try {
            callEntry("coverage_flush", 0);
        } catch (RuntimeException e) {
            // a state out of memory, say: its counts are lost, the close goes on
        } finally {
            stack.setTop(base);
        }
    }

    /** Adapt a Java function to LuaJava, turning every exception into a Lua error. */
    JFunction adapt(String name, JavaFunction function) {
        return current -> {
            CallStack callStack = current == lua ? stack : new CallStack(current, this);
            try {
                return function.call(callStack);
            } catch (LuaError e) {
                if (e.pushesValue()) {
                    e.pushValue(callStack);
                } else {
                    pushCallerWhere(callStack);
                    callStack.pushString(e.getMessage());
                    callStack.concat(2);
                }
                return -1;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                pushCallerWhere(callStack);
                callStack.pushString("internal error in '" + name + "': " + e);
                callStack.concat(2);
                return -1;
            }
        };
    }

    /**
     * Push the position Lua's errors start with ({@code file:line: }): of the code that called the
     * Java function, or, when a built-in's own Lua code called it (chunks named {@code hype:NAME}),
     * of the first caller outside the built-ins, so errors point at the user's line.
     */
    private static void pushCallerWhere(CallStack callStack) {
        for (int level = 1; level < 8; level++) {
            callStack.pushWhere(level);
            byte[] where = callStack.toBytes(-1);
            if (where == null || where.length < 5 || where[0] != 'h' || where[1] != 'y' || where[2] != 'p'
                    || where[3] != 'e' || where[4] != ':') {
                return;
            }
            callStack.pop(1);
        }
        callStack.pushWhere(1);
    }

    /** Return a direct buffer of at least {@code size} bytes, cleared; reused between calls. */
    ByteBuffer scratch(int size) {
        if (scratch.capacity() < size) {
            scratch = ByteBuffer.allocateDirect(Math.max(size, scratch.capacity() * 2));
        }
        scratch.clear();
        return scratch;
    }

    private String describeTop() {
        String text = stack.toText(-1);
        return text != null ? text : "(error object is a " + stack.type(-1).luaName() + " value)";
    }

    private void startClock() {
        Duration timeout = options.timeout();
        if (!timeout.isZero()) {
            deadline = System.nanoTime() + timeout.toNanos();
            clockRunning = true;
        }
    }

    private void stopClock() {
        clockRunning = false;
    }

    private void checkAccess() {
        if (closed) {
            throw new IllegalStateException("this Lua runtime is closed");
        }
        checkThread();
    }

    private void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("this Lua runtime belongs to thread '" + owner.getName()
                    + "' and cannot be used from '" + Thread.currentThread().getName() + "'");
        }
    }
}
