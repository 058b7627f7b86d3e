package dev.hype.runtime.modules.resolve;

import dev.hype.runtime.HypeException;
import java.nio.file.Path;
import java.util.List;

/**
 * Report that {@code require(id)} found nothing: names the id, the requiring location and every
 * location tried, in order.
 */
public final class ModuleNotFoundException extends HypeException {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String reason;
    private final transient List<String> tried;

    ModuleNotFoundException(String id, Path from, List<String> tried) {
        this(id, "cannot find module '" + id + "'", " from " + from, tried);
    }

    ModuleNotFoundException(String reason, String id, List<String> tried) {
        this(id, reason, "", tried);
    }

    private ModuleNotFoundException(String id, String reason, String from, List<String> tried) {
        super("MODULE_NOT_FOUND", message(reason + from, tried), List.of());
        this.id = id;
        this.reason = reason;
        this.tried = List.copyOf(tried);
    }

    /** Return the first line of the message without the requiring location. */
    public String reason() {
        return reason;
    }

    /** Return the id that was required. */
    public String id() {
        return id;
    }

    /** Return every location tried, in the order tried. */
    public List<String> tried() {
        return tried;
    }

    private static String message(String head, List<String> tried) {
        StringBuilder text = new StringBuilder(head);
        if (!tried.isEmpty()) {
            text.append("\ntried, in order:");
            tried.forEach(t -> text.append("\n  ").append(t));
        }
        return text.toString();
    }
}
