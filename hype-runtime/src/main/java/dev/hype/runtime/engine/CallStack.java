package dev.hype.runtime.engine;

import party.iroiro.luajava.Lua;
import party.iroiro.luajava.LuaNatives;

/** Implement {@link LuaStack} over one LuaJava thread object, calling the natives directly. */
final class CallStack implements LuaStack {
    private static final int REGISTRY_INDEX = -1001000;

    private final Lua lua;
    private final LuaNatives natives;
    private final long state;
    private final LuaEngine engine;

    CallStack(Lua lua, LuaEngine engine) {
        this.lua = lua;
        this.natives = lua.getLuaNatives();
        this.state = lua.getPointer();
        this.engine = engine;
    }

    long statePointer() {
        return state;
    }

    @Override
    public int top() {
        return natives.lua_gettop(state);
    }

    @Override
    public void setTop(int top) {
        natives.lua_settop(state, top);
    }

    @Override
    public LuaType type(int index) {
        return switch (natives.lua_type(state, index)) {
            case -1 -> LuaType.NONE;
            case 0 -> LuaType.NIL;
            case 1 -> LuaType.BOOLEAN;
            case 2, 7 -> LuaType.USERDATA;
            case 3 -> LuaType.NUMBER;
            case 4 -> LuaType.STRING;
            case 5 -> LuaType.TABLE;
            case 6 -> LuaType.FUNCTION;
            case 8 -> LuaType.THREAD;
            default -> throw new IllegalStateException("unknown Lua type tag");
        };
    }

    @Override
    public boolean isInteger(int index) {
        return natives.luaJ_isinteger(state, index) != 0;
    }

    @Override
    public boolean toBoolean(int index) {
        return natives.lua_toboolean(state, index) != 0;
    }

    @Override
    public long toInteger(int index) {
        return natives.lua_tointeger(state, index);
    }

    @Override
    public double toNumber(int index) {
        return natives.lua_tonumber(state, index);
    }

    @Override
    public byte[] toBytes(int index) {
        LuaType t = type(index);
        if (t != LuaType.STRING && t != LuaType.NUMBER) {
            return null;
        }
        int at = absIndex(index);
        if (t == LuaType.NUMBER) {
            // Convert a copy, so the caller's number is not turned into a string in place.
            natives.lua_pushvalue(state, at);
            byte[] bytes = read(-1);
            natives.lua_settop(state, -2);
            return bytes;
        }
        return read(at);
    }

    private byte[] read(int index) {
        java.nio.ByteBuffer buffer = lua.toBuffer(index);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public long rawLength(int index) {
        return lua.rawLength(index);
    }

    @Override
    public void pushNil() {
        natives.lua_pushnil(state);
    }

    @Override
    public void pushBoolean(boolean value) {
        natives.lua_pushboolean(state, value ? 1 : 0);
    }

    @Override
    public void pushInteger(long value) {
        natives.lua_pushinteger(state, value);
    }

    @Override
    public void pushNumber(double value) {
        natives.lua_pushnumber(state, value);
    }

    @Override
    public void pushBytes(byte[] value) {
        java.nio.ByteBuffer buffer = engine.scratch(value.length);
        buffer.put(value).flip();
        natives.luaJ_pushlstring(state, buffer, 0, value.length);
    }

    @Override
    public void pushFunction(String name, JavaFunction function) {
        lua.push(engine.adapt(name, function));
    }

    @Override
    public void pushValue(int index) {
        natives.lua_pushvalue(state, index);
    }

    @Override
    public void newTable(int arraySize, int hashSize) {
        natives.lua_createtable(state, arraySize, hashSize);
    }

    @Override
    public void setField(int tableIndex, String key) {
        natives.lua_setfield(state, tableIndex, key);
    }

    @Override
    public void getField(int tableIndex, String key) {
        natives.luaJ_getfield(state, tableIndex, key);
    }

    @Override
    public void rawSet(int tableIndex) {
        natives.lua_rawset(state, tableIndex);
    }

    @Override
    public void rawSetIndex(int tableIndex, long i) {
        natives.lua_rawseti(state, tableIndex, Math.toIntExact(i));
    }

    @Override
    public void rawGetIndex(int tableIndex, long i) {
        natives.luaJ_rawgeti(state, tableIndex, Math.toIntExact(i));
    }

    @Override
    public boolean next(int tableIndex) {
        return natives.lua_next(state, tableIndex) != 0;
    }

    @Override
    public void load(Chunk chunk) {
        if (loadBuffer(chunk.source(), chunk.chunkName()) != 0) {
            String message = toText(-1);
            setTop(-2);
            throw new LuaError(message);
        }
    }

    @Override
    public void setMetatable(int index) {
        natives.luaJ_setmetatable(state, index);
    }

    @Override
    public boolean getMetatable(int index) {
        return natives.lua_getmetatable(state, index) != 0;
    }

    @Override
    public long identity(int index) {
        return natives.lua_topointer(state, index);
    }

    @Override
    public void ensureStack(int extra) {
        if (natives.lua_checkstack(state, extra) == 0) {
            throw new LuaError("stack overflow (nesting too deep)");
        }
    }

    @Override
    public int absIndex(int index) {
        return index > 0 || index <= REGISTRY_INDEX ? index : top() + index + 1;
    }

    /** Push Lua's position prefix ({@code file:line: }) for the function at {@code level}. */
    void pushWhere(int level) {
        natives.luaL_where(state, level);
    }

    /** Concatenate the top {@code n} values. */
    void concat(int n) {
        natives.lua_concat(state, n);
    }

    int loadBuffer(byte[] source, String chunkName) {
        java.nio.ByteBuffer buffer = engine.scratch(source.length);
        buffer.put(source).flip();
        return natives.luaJ_loadbuffer(state, buffer, 0, source.length, chunkName);
    }

    int protectedCall(int args, int results) {
        return natives.lua_pcall(state, args, results, 0);
    }

    int protectedCall(int args, int results, int handler) {
        return natives.lua_pcall(state, args, results, handler);
    }

    int ref() {
        return natives.luaL_ref(state, REGISTRY_INDEX);
    }

    void pushRef(int ref) {
        natives.luaJ_rawgeti(state, REGISTRY_INDEX, ref);
    }

    void setGlobal(String name) {
        natives.lua_setglobal(state, name);
    }
}
