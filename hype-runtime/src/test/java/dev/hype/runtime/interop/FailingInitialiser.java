package dev.hype.runtime.interop;

/** A class whose static initialiser throws, for the interop tests. */
public final class FailingInitialiser {
    public static final int VALUE = Integer.parseInt(System.getProperty("hype.test.never.set", "not a number"));

    private FailingInitialiser() {
    }
}
