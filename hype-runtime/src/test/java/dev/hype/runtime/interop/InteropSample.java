package dev.hype.runtime.interop;

import java.util.List;

/** A public class for the interop tests: fields of every kind, overloads, a hidden implementation. */
public class InteropSample {
    public static int count;
    public static final String NAME = "sample";

    public int x;
    public final int y;

    public InteropSample() {
        this(0, 0);
    }

    public InteropSample(int x, int y) {
        this.x = x;
        this.y = y;
    }

    public String kind(int value) {
        return "int";
    }

    public String kind(String value) {
        return "String";
    }

    public String kind(List<?> value) {
        return "List";
    }

    public static String bytes(byte[] data) {
        return data.length + " bytes";
    }

    public static String letter(char c) {
        return "char " + c;
    }

    public static String small(byte b, short s, float f) {
        return b + " " + s + " " + f;
    }

    /** Return an object of a class that is not public, reached through its public interface. */
    public static Runnable hidden() {
        return new Hidden();
    }

    /** Return an array whose element is of a class that is not public. */
    public static Runnable[] hiddenInArray() {
        return new Runnable[] {new Hidden()};
    }

    public static Object nothing() {
        return null;
    }

    public void fail(String message) {
        throw new IllegalStateException(message);
    }

    @Override
    public String toString() {
        return "InteropSample(" + x + ", " + y + ")";
    }

    private static final class Hidden implements Runnable {
        @Override
        public void run() {
            count++;
        }

        public void notThroughTheInterface() {
        }
    }
}
