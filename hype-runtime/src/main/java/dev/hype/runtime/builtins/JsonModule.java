package dev.hype.runtime.builtins;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.engine.LuaStack;
import dev.hype.runtime.engine.LuaType;
import java.util.Map;

/**
 * Provide {@code json}: {@code encode} and {@code decode} on Jackson's streaming reader and writer,
 * with {@code json.null} and the {@code json.array()}/{@code json.object()} markers ({@code json.lua}), and
 * {@code is_null}, which knows every instance's {@code json.null}.
 */
final class JsonModule implements BuiltinModule {
    private static final Chunk SOURCE = ModuleSource.load("json");

    private final Map<String, JavaFunction> natives;

    JsonModule() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(JsonWriter.MAX_DEPTH)
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNumberLength(10_000)
                        .build())
                .build();
        JsonReader reader = new JsonReader(factory);
        JsonWriter writer = new JsonWriter(factory);
        this.natives = Map.of("encode", writer::encode, "decode", reader::decode, "is_null", JsonModule::isNull);
    }

    /** {@code is_null(v)}: whether v's metatable (read raw) marks it as a JSON null, any instance's. */
    private static int isNull(LuaStack s) {
        boolean isNull = false;
        if (s.type(1) == LuaType.TABLE && s.getMetatable(1)) {
            s.getField(-1, "__jsontype");
            isNull = s.type(-1) == LuaType.STRING && s.toText(-1).equals("null");
            s.pop(2);
        }
        s.pushBoolean(isNull);
        return 1;
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public Chunk source() {
        return SOURCE;
    }

    @Override
    public Map<String, JavaFunction> natives() {
        return natives;
    }
}
