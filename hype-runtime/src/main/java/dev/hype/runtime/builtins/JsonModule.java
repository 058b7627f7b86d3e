package dev.hype.runtime.builtins;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import java.util.Map;

/**
 * Provide {@code json}: {@code encode} and {@code decode} on Jackson's streaming reader and writer,
 * with {@code json.null} and the {@code json.array()}/{@code json.object()} markers ({@code json.lua}).
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
        this.natives = Map.of("encode", writer::encode, "decode", reader::decode);
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
