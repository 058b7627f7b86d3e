package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.engine.LuaStack;
import dev.hype.runtime.engine.LuaType;
import dev.hype.runtime.permissions.Access;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provide {@code fs}: Node's synchronous file functions. Paths are relative to the runtime's
 * {@link WorkingDirectory}; contents cross as raw bytes; failures raise {@link FsError} tables.
 * Every path is checked against the realm's {@link Access} before it is touched.
 */
final class FsModule implements BuiltinModule {
    private static final Chunk SOURCE = ModuleSource.load("fs");

    private final WorkingDirectory cwd;
    private final Access access;
    private final Map<String, JavaFunction> natives;

    FsModule(WorkingDirectory cwd, Access access) {
        this.cwd = cwd;
        this.access = access;
        Map<String, JavaFunction> fns = new LinkedHashMap<>();
        fns.put("readFileSync", this::readFile);
        fns.put("writeFileSync", s -> write(s, "writeFileSync", StandardOpenOption.TRUNCATE_EXISTING));
        fns.put("appendFileSync", s -> write(s, "appendFileSync", StandardOpenOption.APPEND));
        fns.put("existsSync", this::exists);
        fns.put("statSync", s -> stat(s, "statSync", true));
        fns.put("lstatSync", s -> stat(s, "lstatSync", false));
        fns.put("readdirSync", this::readdir);
        fns.put("mkdirSync", this::mkdir);
        fns.put("rmSync", this::rm);
        fns.put("renameSync", this::rename);
        fns.put("copyFileSync", this::copyFile);
        fns.put("realpathSync", this::realpath);
        this.natives = Map.copyOf(fns);
    }

    @Override
    public String name() {
        return "fs";
    }

    @Override
    public Chunk source() {
        return SOURCE;
    }

    @Override
    public Map<String, JavaFunction> natives() {
        return natives;
    }

    private int readFile(LuaStack s) {
        String name = s.checkString(1, "readFileSync");
        Path p = resolve(s, 1, "readFileSync");
        TextEncoding encoding = encodingOption(s, 2, "readFileSync");
        mayRead(p, "readFileSync");
        if (Files.isDirectory(p)) {
            throw new FsError(FsError.Code.EISDIR, "read", name);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (IOException e) {
            throw FsError.of(e, "open", name);
        }
        s.pushBytes(encoding == null ? bytes : encoding.decode(bytes));
        return 1;
    }

    private int write(LuaStack s, String function, StandardOpenOption mode) {
        String name = s.checkString(1, function);
        Path p = resolve(s, 1, function);
        byte[] data = s.checkBytes(2, function);
        TextEncoding encoding = encodingOption(s, 3, function);
        if (encoding != null) {
            data = encoding.encode(data, 2, function);
        }
        mayWrite(p, function);
        try {
            Files.write(p, data, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw FsError.of(e, "open", name);
        }
        return 0;
    }

    private int exists(LuaStack s) {
        String name = s.checkString(1, "existsSync");
        if (name.isEmpty()) {
            // As Node's: the empty path names no file (it is not the working directory).
            s.pushBoolean(false);
            return 1;
        }
        Path p;
        try {
            p = cwd.resolve(FileNames.of(s.checkBytes(1, "existsSync"), 1, "existsSync"));
        } catch (InvalidPathException | LuaError e) {
            s.pushBoolean(false);
            return 1;
        }
        access.checkRead(p, "fs.existsSync");
        s.pushBoolean(Files.exists(p));
        return 1;
    }

    private int stat(LuaStack s, String function, boolean follow) {
        String name = s.checkString(1, function);
        Path p = resolve(s, 1, function);
        boolean throwIfMissing = !(s.type(2) == LuaType.TABLE && field(s, 2, "throwIfNoEntry") == Boolean.FALSE);
        mayRead(p, function);
        LinkOption[] links = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(p, BasicFileAttributes.class, links);
        } catch (NoSuchFileException e) {
            if (!throwIfMissing) {
                s.pushNil();
                return 1;
            }
            // The JDK reports stat's ENOTDIR (a path through a file) as a missing file; Node says ENOTDIR.
            throw throughAFile(p) ? new FsError(FsError.Code.ENOTDIR, follow ? "stat" : "lstat", name)
                    : FsError.of(e, follow ? "stat" : "lstat", name);
        } catch (IOException e) {
            throw FsError.of(e, follow ? "stat" : "lstat", name);
        }
        FsStats.push(s, p, attrs, links);
        return 1;
    }

    /** Return whether the nearest existing folder on the way to {@code p} is not a folder. */
    private static boolean throughAFile(Path p) {
        for (Path parent = p.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.exists(parent)) {
                return !Files.isDirectory(parent);
            }
        }
        return false;
    }

    private int readdir(LuaStack s) {
        String name = s.checkString(1, "readdirSync");
        Path p = resolve(s, 1, "readdirSync");
        mayRead(p, "readdirSync");
        List<byte[]> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(p)) {
            for (Path entry : entries) {
                names.add(FileNames.bytes(entry.getFileName()));
            }
        } catch (IOException e) {
            throw FsError.of(e, "scandir", name);
        } catch (java.nio.file.DirectoryIteratorException e) {
            throw FsError.of(e.getCause(), "scandir", name);
        }
        names.sort(Arrays::compareUnsigned);
        s.newTable(names.size(), 0);
        for (int i = 0; i < names.size(); i++) {
            s.pushBytes(names.get(i));
            s.rawSetIndex(-2, i + 1);
        }
        return 1;
    }

    private int mkdir(LuaStack s) {
        String name = s.checkString(1, "mkdirSync");
        Path p = resolve(s, 1, "mkdirSync");
        boolean recursive = booleanOption(s, 2, "mkdirSync", "recursive");
        mayWrite(p, "mkdirSync");
        try {
            if (!recursive) {
                Files.createDirectory(p);
                return 0;
            }
            if (Files.isDirectory(p)) {
                return 0;
            }
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new FsError(FsError.Code.EEXIST, "mkdir", name);
            }
            Path first = p;
            while (first.getParent() != null && !Files.exists(first.getParent())) {
                first = first.getParent();
            }
            Files.createDirectories(p);
            s.pushString(first.toString());
            return 1;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new FsError(recursive ? FsError.Code.ENOTDIR : FsError.Code.EEXIST, "mkdir", name);
        } catch (IOException e) {
            throw FsError.of(e, "mkdir", name);
        }
    }

    private int rm(LuaStack s) {
        String name = s.checkString(1, "rmSync");
        Path p = resolve(s, 1, "rmSync");
        boolean recursive = booleanOption(s, 2, "rmSync", "recursive");
        boolean force = booleanOption(s, 2, "rmSync", "force");
        mayWrite(p, "rmSync");
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            if (force) {
                return 0;
            }
            throw new FsError(FsError.Code.ENOENT, "rm", name);
        }
        boolean directory = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        if (directory && !recursive) {
            throw new FsError(FsError.Code.EISDIR, "rm", name);
        }
        try {
            if (directory) {
                deleteTree(p);
            } else {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw FsError.of(e, "rm", name);
        }
        return 0;
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private int rename(LuaStack s) {
        String from = s.checkString(1, "renameSync");
        String to = s.checkString(2, "renameSync");
        Path source = resolve(s, 1, "renameSync");
        Path target = resolve(s, 2, "renameSync");
        mayWrite(source, "renameSync");
        mayWrite(target, "renameSync");
        try {
            try {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw FsError.of(e, "rename", from, to);
        }
        return 0;
    }

    private int copyFile(LuaStack s) {
        String from = s.checkString(1, "copyFileSync");
        String to = s.checkString(2, "copyFileSync");
        Path source = resolve(s, 1, "copyFileSync");
        Path target = resolve(s, 2, "copyFileSync");
        mayRead(source, "copyFileSync");
        mayWrite(target, "copyFileSync");
        if (Files.isDirectory(source) || Files.isDirectory(target)) {
            throw new FsError(FsError.Code.EISDIR, "copyfile", from, to);
        }
        try {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw FsError.of(e, "copyfile", from, to);
        }
        return 0;
    }

    private int realpath(LuaStack s) {
        String name = s.checkString(1, "realpathSync");
        Path p = resolve(s, 1, "realpathSync");
        mayRead(p, "realpathSync");
        try {
            s.pushBytes(FileNames.bytes(p.toRealPath()));
        } catch (IOException e) {
            throw FsError.of(e, "realpath", name);
        }
        return 1;
    }

    // Each function reads all its arguments first, then checks, then acts: from the check to the
    // file operation it makes no call into Lua (an option table's __index, a number converted to a
    // string, an allocation that lets a finalizer run), so no Lua code can change the file between.

    /** Check that the realm may read {@code p}. */
    private void mayRead(Path p, String function) {
        if (!access.unrestricted()) {
            access.checkRead(p, "fs." + function);
        }
    }

    /** Check that the realm may create, change or remove {@code p}. */
    private void mayWrite(Path p, String function) {
        if (!access.unrestricted()) {
            access.checkWrite(p, "fs." + function);
        }
    }

    /**
     * Resolve string argument {@code arg} against the working directory: its bytes as given, so a
     * name that is not UTF-8 names the same file as in C (FileNames).
     */
    private Path resolve(LuaStack s, int arg, String function) {
        byte[] raw = s.checkBytes(arg, function);
        for (byte b : raw) {
            if (b == 0) {
                throw LuaError.badArgument(arg, function, "path must not contain zero bytes");
            }
        }
        try {
            return cwd.resolve(FileNames.of(raw, arg, function));
        } catch (InvalidPathException e) {
            throw LuaError.badArgument(arg, function, "invalid path: " + e.getReason());
        }
    }

    /** Read an encoding given as a string or as {@code {encoding = ...}}; null means raw bytes. */
    private static TextEncoding encodingOption(LuaStack s, int arg, String function) {
        return switch (s.type(arg)) {
            case NONE, NIL -> null;
            case STRING -> TextEncoding.named(s.toText(arg), arg, function);
            case TABLE -> {
                Object value = field(s, arg, "encoding");
                if (value == null) {
                    yield null;
                }
                if (!(value instanceof String name)) {
                    throw LuaError.badArgument(arg, function, "encoding must be a string");
                }
                yield TextEncoding.named(name, arg, function);
            }
            default -> throw s.typeError(arg, function, "string or table");
        };
    }

    private static boolean booleanOption(LuaStack s, int arg, String function, String key) {
        LuaType t = s.type(arg);
        if (t == LuaType.NONE || t == LuaType.NIL) {
            return false;
        }
        if (t != LuaType.TABLE) {
            throw s.typeError(arg, function, "table");
        }
        return field(s, arg, key) instanceof Boolean b && b;
    }

    /** Return {@code table[key]} as a Java String, Boolean or Double, or null. */
    private static Object field(LuaStack s, int table, String key) {
        s.getField(table, key);
        try {
            return switch (s.type(-1)) {
                case STRING -> s.toText(-1);
                case BOOLEAN -> s.toBoolean(-1);
                case NUMBER -> s.toNumber(-1);
                case NIL, NONE -> null;
                default -> Boolean.TRUE;
            };
        } finally {
            s.pop(1);
        }
    }
}
