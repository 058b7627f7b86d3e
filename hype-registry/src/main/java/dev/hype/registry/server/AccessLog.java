package dev.hype.registry.server;

import java.util.function.Consumer;

/**
 * Receive one entry per answered request, after its response is complete (so a client may see
 * the answer before the entry is recorded). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AccessLog {

    /** Record {@code entry}. */
    void record(AccessLogEntry entry);

    /** Return a log that drops every entry. */
    static AccessLog discard() {
        return entry -> { };
    }

    /**
     * Return a log that hands each entry to {@code sink} as one JSON line:
     * {@code {"time":...,"method":...,"path":...,"status":...,"bytes":...,"ms":...,"user":...}}.
     * Calls to {@code sink} are serialised.
     */
    static AccessLog jsonLines(Consumer<String> sink) {
        return entry -> {
            String line = entry.toJson();
            synchronized (sink) {
                sink.accept(line);
            }
        };
    }
}
