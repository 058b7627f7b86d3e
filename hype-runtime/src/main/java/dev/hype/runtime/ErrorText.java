package dev.hype.runtime;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Describe a Java exception in a user's words, without the library internals its own message carries.
 *
 * <p>A {@link NoSuchFileException}'s message is only the path; Jackson's names its
 * {@code StreamReadFeature} settings; security exceptions name their classes. Every place that turns one of these
 * into a {@link HypeException} message, and the command line's error rendering, goes through {@link #of}.
 */
public final class ErrorText {
    private ErrorText() {
    }

    /** Return what went wrong in {@code e}, as words a user can act on (for example {@code is a directory}). */
    public static String of(Throwable e) {
        if (e instanceof UncheckedIOException unchecked && unchecked.getCause() != null) {
            return of(unchecked.getCause());
        }
        if (e instanceof FileSystemException fs) {
            return fileSystem(fs);
        }
        if (e instanceof JsonProcessingException json) {
            return json(json);
        }
        if (e instanceof java.security.GeneralSecurityException) {
            return "the key or signature data is malformed";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? words(e.getClass().getSimpleName()) : message;
    }

    /** Return {@code PATH: reason} for a file system error, the reason in words. */
    private static String fileSystem(FileSystemException e) {
        String reason = switch (e) {
            case NoSuchFileException ignored -> "no such file or directory";
            case AccessDeniedException ignored -> "permission denied";
            case FileAlreadyExistsException ignored -> "already exists";
            case NotDirectoryException ignored -> "not a directory";
            case DirectoryNotEmptyException ignored -> "directory not empty";
            default -> e.getReason() == null ? "file system error" : e.getReason().toLowerCase(Locale.ROOT);
        };
        String file = e.getFile();
        if (file == null) {
            return reason;
        }
        return file + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile()) + ": " + reason;
    }

    /** Return Jackson's own message with the line and column, and without its source description. */
    private static String json(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        JsonLocation where = e.getLocation();
        String text = message == null ? "invalid JSON" : message.strip();
        if (where != null && where.getLineNr() > 0) {
            return "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + text;
        }
        return text;
    }

    /** Turn {@code FooBarException} into {@code foo bar}. */
    private static String words(String className) {
        String base = className.replaceFirst("(Exception|Error)$", "");
        return base.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
