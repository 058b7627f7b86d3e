package dev.hype.runtime.testing;

import java.util.List;

/** Receive a run's progress; the runner calls it on the thread that called {@link TestRunner#run}. */
public interface TestListener {
    /** The run starts with these files, in the order their results will arrive. */
    default void started(List<TestFile> files) {
    }

    /** One file finished; files arrive in discovery order whatever order they ran in. */
    void fileFinished(FileResult result);

    /** The run is over. */
    default void finished(TestSummary summary) {
    }
}
