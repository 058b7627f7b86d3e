package dev.hype.runtime.engine;

/** Name the basic types of Lua values, as {@code type()} reports them. */
public enum LuaType {
    NONE("no value"), NIL("nil"), BOOLEAN("boolean"), NUMBER("number"), STRING("string"),
    TABLE("table"), FUNCTION("function"), USERDATA("userdata"), THREAD("thread");

    private final String luaName;

    LuaType(String luaName) {
        this.luaName = luaName;
    }

    /** Return the name Lua's {@code type()} gives this type. */
    public String luaName() {
        return luaName;
    }
}
