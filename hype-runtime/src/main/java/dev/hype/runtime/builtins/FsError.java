package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.TableError;
import java.util.LinkedHashMap;
import java.util.Map;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Raise a file-system failure as Node does: a Lua table with {@code code}, {@code errno},
 * {@code syscall}, {@code path} (and {@code dest}), {@code message}, whose {@code tostring} is the
 * message, such as {@code ENOENT: no such file or directory, open 'missing.txt'}.
 */
final class FsError extends TableError {
    private static final long serialVersionUID = 1L;

    /** A failure code, with Linux's errno (negative, as Node reports it) and Node's description. */
    enum Code {
        ENOENT(-2, "no such file or directory"),
        EACCES(-13, "permission denied"),
        EPERM(-1, "operation not permitted"),
        EEXIST(-17, "file already exists"),
        ENOTDIR(-20, "not a directory"),
        EISDIR(-21, "illegal operation on a directory"),
        ENOTEMPTY(-39, "directory not empty"),
        ELOOP(-40, "too many symbolic links encountered"),
        EXDEV(-18, "cross-device link not permitted"),
        EIO(-5, "i/o error");

        final int errno;
        final String description;

        Code(int errno, String description) {
            this.errno = errno;
            this.description = description;
        }
    }

    private final Code code;
    private final String syscall;
    private final String path;
    private final String dest;

    FsError(Code code, String syscall, String path, String dest) {
        super(code + ": " + code.description + ", " + syscall + " '" + path + "'"
                + (dest == null ? "" : " -> '" + dest + "'"));
        this.code = code;
        this.syscall = syscall;
        this.path = path;
        this.dest = dest;
    }

    FsError(Code code, String syscall, String path) {
        this(code, syscall, path, null);
    }

    /** Translate a Java I/O failure of {@code syscall} on {@code path} (and {@code dest}). */
    static FsError of(IOException e, String syscall, String path, String dest) {
        return new FsError(classify(e), syscall, path, dest);
    }

    static FsError of(IOException e, String syscall, String path) {
        return of(e, syscall, path, null);
    }

    private static Code classify(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Code.ENOENT;
        }
        if (e instanceof FileAlreadyExistsException) {
            return Code.EEXIST;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return Code.ENOTEMPTY;
        }
        if (e instanceof NotDirectoryException) {
            return Code.ENOTDIR;
        }
        if (e instanceof FileSystemLoopException) {
            return Code.ELOOP;
        }
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        reason = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (reason.contains("is a directory")) {
            return Code.EISDIR;
        }
        if (reason.contains("not a directory")) {
            return Code.ENOTDIR;
        }
        if (reason.contains("not empty")) {
            return Code.ENOTEMPTY;
        }
        if (reason.contains("no such file")) {
            return Code.ENOENT;
        }
        if (reason.contains("symbolic links")) {
            return Code.ELOOP;
        }
        if (reason.contains("cross-device")) {
            return Code.EXDEV;
        }
        if (e instanceof AccessDeniedException || reason.contains("permission denied")) {
            return Code.EACCES;
        }
        if (reason.contains("not permitted")) {
            return Code.EPERM;
        }
        return Code.EIO;
    }

    Code code() {
        return code;
    }

    @Override
    protected String typeName() {
        return "fs.Error";
    }

    @Override
    protected Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code.name());
        fields.put("errno", (long) code.errno);
        fields.put("syscall", syscall);
        fields.put("path", path);
        fields.put("dest", dest);
        return fields;
    }
}
