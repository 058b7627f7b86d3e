package dev.hype.runtime.interop;

/** A class whose initialisation the tests can observe: it sets a system property. */
public final class InitialisationProbe {
    static {
        System.setProperty("hype.test.interop.initialised", "yes");
    }

    private InitialisationProbe() {
    }
}
