package dev.hype.runtime.interop;

import dev.hype.runtime.engine.LuaStack;
import dev.hype.runtime.engine.LuaType;
import java.nio.charset.StandardCharsets;

/** Hold one Lua value passed to Java, read once from the stack before any conversion. */
sealed interface Argument {
    /** Return how messages name the value's type: {@code integer}, {@code string}, a class name, ... */
    String describe();

    /** nil, or no value. */
    record Nil() implements Argument {
        @Override
        public String describe() {
            return "nil";
        }
    }

    /** A boolean. */
    record Bool(boolean value) implements Argument {
        @Override
        public String describe() {
            return "boolean";
        }
    }

    /** An integer. */
    record Int(long value) implements Argument {
        @Override
        public String describe() {
            return "integer";
        }
    }

    /** A float. */
    record Float(double value) implements Argument {
        @Override
        public String describe() {
            return "number";
        }
    }

    /** A string, as its raw bytes. */
    record Str(byte[] bytes) implements Argument {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String describe() {
            return "string";
        }
    }

    /** A proxy: a Java object, or a {@link StaticClass}. */
    record Ref(Object target) implements Argument {
        @Override
        public String describe() {
            return target instanceof StaticClass c ? "class proxy " + c.type().getTypeName()
                    : target.getClass().getTypeName();
        }
    }

    /**
     * A table that is not a proxy, at an absolute stack index.
     *
     * @param sequence whether its keys are exactly 1..n
     */
    record Table(int index, boolean sequence) implements Argument {
        @Override
        public String describe() {
            return "table";
        }
    }

    /** A function, thread or userdata: nothing converts it. */
    record Other(LuaType type) implements Argument {
        @Override
        public String describe() {
            return type.luaName();
        }
    }

    /** Read the value at {@code index}, recognising proxies through {@code proxies}. */
    static Argument read(LuaStack s, int index, Proxies proxies) {
        return switch (s.type(index)) {
            case NONE, NIL -> new Nil();
            case BOOLEAN -> new Bool(s.toBoolean(index));
            case NUMBER -> s.isInteger(index) ? new Int(s.toInteger(index)) : new Float(s.toNumber(index));
            case STRING -> new Str(s.toBytes(index));
            case TABLE -> {
                Object target = proxies.target(s, index);
                int at = s.absIndex(index);
                yield target != null ? new Ref(target) : new Table(at, isSequence(s, at));
            }
            case FUNCTION, USERDATA, THREAD -> new Other(s.type(index));
        };
    }

    private static boolean isSequence(LuaStack s, int table) {
        long length = s.rawLength(table);
        long keys = 0;
        s.ensureStack(2);
        s.pushNil();
        boolean sequence = true;
        while (s.next(table)) {
            s.pop(1);
            keys++;
            sequence &= s.isInteger(-1) && s.toInteger(-1) >= 1 && s.toInteger(-1) <= length;
        }
        return sequence && keys == length;
    }
}
