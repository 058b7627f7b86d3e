package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.LuaStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Build the table {@code fs.statSync} returns: sizes, times, mode, Unix ids and the is* methods. */
final class FsStats {
    private FsStats() {
    }

    /** Push the stats of {@code p}, whose attributes are {@code attrs}. */
    static void push(LuaStack s, Path p, BasicFileAttributes attrs, LinkOption[] links) {
        s.newTable(0, 16);
        s.pushInteger(attrs.size());
        s.setField(-2, "size");
        s.pushInteger(mode(p, attrs, links));
        s.setField(-2, "mode");
        pushTime(s, "mtime", attrs.lastModifiedTime().toMillis());
        pushTime(s, "atime", attrs.lastAccessTime().toMillis());
        pushTime(s, "birthtime", attrs.creationTime().toMillis());
        try {
            Map<String, Object> unix = Files.readAttributes(p, "unix:uid,gid,ino,nlink,dev,ctime", links);
            for (String key : List.of("uid", "gid", "ino", "nlink", "dev")) {
                s.pushInteger(((Number) unix.get(key)).longValue());
                s.setField(-2, key);
            }
            pushTime(s, "ctime", ((java.nio.file.attribute.FileTime) unix.get("ctime")).toMillis());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            pushTime(s, "ctime", attrs.lastModifiedTime().toMillis());
        }
        pushPredicate(s, "isFile", attrs.isRegularFile());
        pushPredicate(s, "isDirectory", attrs.isDirectory());
        pushPredicate(s, "isSymbolicLink", attrs.isSymbolicLink());
    }

    private static void pushTime(LuaStack s, String name, long millis) {
        s.pushNumber(millis / 1000.0);
        s.setField(-2, name);
        s.pushNumber(millis);
        s.setField(-2, name + "Ms");
    }

    private static void pushPredicate(LuaStack s, String name, boolean value) {
        s.pushFunction(name, fs -> {
            fs.pushBoolean(value);
            return 1;
        });
        s.setField(-2, name);
    }

    /** Return st_mode as Node reports it: the file type bits and the permission bits. */
    private static long mode(Path p, BasicFileAttributes attrs, LinkOption[] links) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode", links);
            if (mode instanceof Integer m) {
                return m;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // Not a Unix file system: build the mode from the type and the POSIX permissions.
        }
        long type = attrs.isDirectory() ? 0040000 : attrs.isSymbolicLink() ? 0120000 : attrs.isRegularFile() ? 0100000 : 0;
        long perms = 0;
        try {
            Set<PosixFilePermission> set = Files.readAttributes(p, PosixFileAttributes.class, links).permissions();
            for (PosixFilePermission perm : set) {
                perms |= 1L << (8 - perm.ordinal());
            }
        } catch (IOException | UnsupportedOperationException e) {
            perms = attrs.isDirectory() ? 0755 : 0644;
        }
        return type | perms;
    }
}
