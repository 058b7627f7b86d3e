package dev.hype.runtime.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsModuleTest {
    @TempDir
    Path dir;

    private static final String ERR = """
            local function err(f, ...)
              local ok, e = pcall(f, ...)
              assert(not ok, "expected an error")
              return e
            end
            """;

    private void lua(String code) {
        try (ModuleTester t = new ModuleTester(dir)) {
            t.run(ERR + code);
        }
    }

    @Test
    void writesReadsAndAppendsRelativeToTheWorkingDirectory() {
        lua("""
                fs.writeFileSync("a.txt", "hello")
                fs.appendFileSync("a.txt", ", world")
                assert(fs.readFileSync("a.txt") == "hello, world")
                assert(fs.readFileSync("a.txt", "utf8") == "hello, world")
                assert(fs.readFileSync("a.txt", { encoding = "utf-8" }) == "hello, world")
                fs.appendFileSync("new.txt", "x")
                assert(fs.readFileSync("new.txt") == "x")
                """);
        assertThat(dir.resolve("a.txt")).hasContent("hello, world");
    }

    @Test
    void roundTripsBinaryDataUnchanged() throws IOException {
        lua("""
                local all = {}
                for i = 0, 255 do all[#all + 1] = string.char(i) end
                local data = table.concat(all):rep(3)
                fs.writeFileSync("bin", data)
                assert(fs.readFileSync("bin") == data)
                assert(#fs.readFileSync("bin") == 768)
                """);
        byte[] bytes = Files.readAllBytes(dir.resolve("bin"));
        assertThat(bytes).hasSize(768);
        assertThat(bytes[255]).isEqualTo((byte) 255);
    }

    @Test
    void convertsEncodings() {
        lua("""
                fs.writeFileSync("b", "\\xff\\xfeok")
                assert(fs.readFileSync("b", "utf8") == "\\u{FFFD}\\u{FFFD}ok")
                assert(fs.readFileSync("b", "hex") == "fffe6f6b")
                assert(fs.readFileSync("b", "base64") == "//5vaw==")
                assert(fs.readFileSync("b", "latin1") == "\\u{FF}\\u{FE}ok")
                fs.writeFileSync("c", "68690a", "hex")
                assert(fs.readFileSync("c") == "hi\\n")
                fs.writeFileSync("d", "aGk=", { encoding = "base64" })
                assert(fs.readFileSync("d") == "hi")
                assert(err(fs.readFileSync, "b", "klingon") == "bad argument #2 to 'readFileSync' (unknown encoding 'klingon')")
                assert(err(fs.writeFileSync, "c", "zz", "hex") == "bad argument #2 to 'writeFileSync' (data is not valid hex)")
                """);
    }

    @Test
    void reportsMissingFilesAsNodeDoes() {
        lua("""
                local e = err(fs.readFileSync, "missing.txt")
                assert(type(e) == "table")
                assert(e.code == "ENOENT" and e.errno == -2 and e.syscall == "open" and e.path == "missing.txt")
                assert(e.message == "ENOENT: no such file or directory, open 'missing.txt'")
                assert(tostring(e) == "ENOENT: no such file or directory, open 'missing.txt'")
                e = err(fs.writeFileSync, "no/such/dir/x", "")
                assert(e.code == "ENOENT", e.code)
                """);
        try (ModuleTester t = new ModuleTester(dir)) {
            assertThat(t.error("fs.readFileSync('missing.txt')"))
                    .isEqualTo("ENOENT: no such file or directory, open 'missing.txt'");
        }
    }

    @Test
    void checksExistence() {
        lua("""
                assert(fs.existsSync(".") and not fs.existsSync("nope"))
                fs.writeFileSync("f", "")
                assert(fs.existsSync("f"))
                assert(err(fs.existsSync) == "bad argument #1 to 'existsSync' (string expected, got no value)")
                """);
    }

    @Test
    void statsFilesDirectoriesAndLinks() throws IOException {
        Files.writeString(dir.resolve("f"), "12345");
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("f"));
        lua("""
                local st = fs.statSync("f")
                assert(st.size == 5 and st:isFile() and not st:isDirectory() and not st:isSymbolicLink())
                assert(st.mode & 0x1ff == tonumber("644", 8) or st.mode & 0x1ff == tonumber("664", 8), st.mode)
                assert(st.mode & 0xf000 == 0x8000)
                assert(math.abs(st.mtime - os.time()) < 60 and st.mtimeMs == st.mtime * 1000)
                assert(fs.statSync("."):isDirectory())
                assert(fs.statSync("link"):isFile())
                assert(fs.lstatSync("link"):isSymbolicLink())
                assert(fs.statSync("nope", { throwIfNoEntry = false }) == nil)
                local e = err(fs.statSync, "nope")
                assert(e.code == "ENOENT" and e.syscall == "stat")
                assert(err(fs.lstatSync, "nope").syscall == "lstat")
                assert(err(fs.lstatSync, true) == "bad argument #1 to 'lstatSync' (string expected, got boolean)")
                assert(err(fs.statSync, 42).code == "ENOENT")
                assert(err(fs.statSync, {}) == "bad argument #1 to 'statSync' (string expected, got table)")
                """);
    }

    @Test
    void listsDirectoriesSorted() {
        lua("""
                for _, n in ipairs({ "b", "a", "C", "c10", "c2" }) do fs.writeFileSync(n, "") end
                fs.mkdirSync("d")
                local names = fs.readdirSync(".")
                assert(table.concat(names, ",") == "C,a,b,c10,c2,d", table.concat(names, ","))
                assert(#fs.readdirSync("d") == 0)
                local e = err(fs.readdirSync, "a")
                assert(e.code == "ENOTDIR" and e.syscall == "scandir", e.code)
                assert(err(fs.readdirSync, "zz").code == "ENOENT")
                assert(err(fs.readdirSync) == "bad argument #1 to 'readdirSync' (string expected, got no value)")
                """);
    }

    @Test
    void makesDirectoriesOptionallyRecursively() {
        lua("""
                assert(fs.mkdirSync("x") == nil)
                local e = err(fs.mkdirSync, "x")
                assert(e.code == "EEXIST" and tostring(e) == "EEXIST: file already exists, mkdir 'x'")
                assert(err(fs.mkdirSync, "p/q").code == "ENOENT")
                local first = fs.mkdirSync("p/q/r", { recursive = true })
                assert(first:sub(-2) == "/p", first)
                assert(fs.statSync("p/q/r"):isDirectory())
                assert(fs.mkdirSync("p/q/r", { recursive = true }) == nil)
                fs.writeFileSync("file", "")
                assert(err(fs.mkdirSync, "file", { recursive = true }).code == "EEXIST")
                assert(err(fs.mkdirSync, "file/sub", { recursive = true }).code == "ENOTDIR")
                assert(err(fs.mkdirSync, "y", true) == "bad argument #2 to 'mkdirSync' (table expected, got boolean)")
                assert(err(fs.mkdirSync) == "bad argument #1 to 'mkdirSync' (string expected, got no value)")
                """);
    }

    @Test
    void removesFilesAndTrees() {
        lua("""
                fs.mkdirSync("t/u/v", { recursive = true })
                fs.writeFileSync("t/u/v/f", "x")
                fs.writeFileSync("t/g", "x")
                local e = err(fs.rmSync, "t")
                assert(e.code == "EISDIR" and e.syscall == "rm")
                fs.rmSync("t/g")
                assert(not fs.existsSync("t/g"))
                fs.rmSync("t", { recursive = true })
                assert(not fs.existsSync("t"))
                assert(err(fs.rmSync, "t").code == "ENOENT")
                fs.rmSync("t", { force = true })
                assert(err(fs.rmSync, 1, 2) == "bad argument #2 to 'rmSync' (table expected, got number)")
                assert(err(fs.rmSync, {}) == "bad argument #1 to 'rmSync' (string expected, got table)")
                """);
    }

    @Test
    void renamesAndCopies() {
        lua("""
                fs.writeFileSync("a", "A")
                fs.renameSync("a", "b")
                assert(not fs.existsSync("a") and fs.readFileSync("b") == "A")
                fs.copyFileSync("b", "c")
                fs.writeFileSync("b", "B")
                assert(fs.readFileSync("c") == "A")
                fs.copyFileSync("b", "c")
                assert(fs.readFileSync("c") == "B")
                local e = err(fs.renameSync, "zz", "yy")
                assert(e.code == "ENOENT" and e.dest == "yy")
                assert(tostring(e) == "ENOENT: no such file or directory, rename 'zz' -> 'yy'")
                assert(err(fs.copyFileSync, "zz", "yy").syscall == "copyfile")
                fs.mkdirSync("d")
                fs.writeFileSync("d/f", "")
                fs.mkdirSync("e")
                fs.writeFileSync("e/g", "")
                assert(err(fs.renameSync, "d", "e").code == "ENOTEMPTY")
                assert(err(fs.copyFileSync, "d", "z").code == "EISDIR")
                assert(err(fs.renameSync, "a") == "bad argument #2 to 'renameSync' (string expected, got no value)")
                assert(err(fs.copyFileSync, nil, "a") == "bad argument #1 to 'copyFileSync' (string expected, got nil)")
                """);
    }

    @Test
    void resolvesRealPaths() throws IOException {
        Files.createDirectory(dir.resolve("real"));
        Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("real"));
        String real = dir.toRealPath().resolve("real").toString();
        lua("assert(fs.realpathSync('alias/../alias') == '" + real + "', fs.realpathSync('alias'))\n"
                + "assert(fs.realpathSync('alias') == '" + real + "')\n"
                + "assert(err(fs.realpathSync, 'nope').code == 'ENOENT')\n"
                + "assert(err(fs.realpathSync) == \"bad argument #1 to 'realpathSync' (string expected, got no value)\")\n");
    }

    @Test
    void reportsDirectoriesAndPermissions() throws IOException {
        Files.createDirectory(dir.resolve("d"));
        Path locked = Files.writeString(dir.resolve("locked"), "secret");
        boolean canLock = locked.toFile().setReadable(false) && !Files.isReadable(locked);
        lua("""
                local e = err(fs.readFileSync, "d")
                assert(e.code == "EISDIR" and e.syscall == "read")
                assert(err(fs.writeFileSync, "d", "x").code == "EISDIR")
                assert(err(fs.readFileSync, "a\\0b") == "bad argument #1 to 'readFileSync' (path must not contain zero bytes)")
                assert(err(fs.readFileSync) == "bad argument #1 to 'readFileSync' (string expected, got no value)")
                assert(err(fs.writeFileSync, "x") == "bad argument #2 to 'writeFileSync' (string expected, got no value)")
                assert(err(fs.appendFileSync, "x", {}) == "bad argument #2 to 'appendFileSync' (string expected, got table)")
                assert(err(fs.readFileSync, "x", true) == "bad argument #2 to 'readFileSync' (string or table expected, got boolean)")
                """ + (canLock ? """
                e = err(fs.readFileSync, "locked")
                assert(e.code == "EACCES" and tostring(e) == "EACCES: permission denied, open 'locked'")
                """ : ""));
    }

    @Test
    void errorsRaisedByFsAreCatchableAndShowInUncaughtMessages() {
        try (ModuleTester t = new ModuleTester(dir)) {
            assertThat(t.error("fs.readFileSync()"))
                    .isEqualTo("test:1: bad argument #1 to 'readFileSync' (string expected, got no value)");
            assertThat(t.error("fs.rmSync('nothing')"))
                    .isEqualTo("ENOENT: no such file or directory, rm 'nothing'");
        }
    }

    @Test
    void anEncodingOptionMustBeAString() {
        lua("""
                fs.writeFileSync("f", "x")
                assert(err(fs.readFileSync, "f", { encoding = 8 })
                    == "bad argument #2 to 'readFileSync' (encoding must be a string)")
                assert(err(fs.readFileSync, "f", { encoding = {} })
                    == "bad argument #2 to 'readFileSync' (encoding must be a string)")
                assert(fs.readFileSync("f", { encoding = nil }) == "x")
                fs.mkdirSync("made", { recursive = 1 })
                assert(fs.statSync("made"):isDirectory())
                """);
    }

    @Test
    void aPathThroughAFileOrWithAZeroByteIsNamed() throws IOException {
        Files.writeString(dir.resolve("file"), "x");
        lua("""
                local e = err(fs.statSync, "file/inner")
                assert(e.code == "ENOTDIR" and e.syscall == "stat" and e.path == "file/inner", tostring(e))
                e = err(fs.lstatSync, "file/inner")
                assert(e.code == "ENOTDIR" and e.syscall == "lstat", tostring(e))
                assert(tostring(e) == "ENOTDIR: not a directory, lstat 'file/inner'", tostring(e))
                assert(fs.statSync("file/inner", { throwIfNoEntry = false }) == nil)
                assert(err(fs.statSync, "nowhere/inner").code == "ENOENT")
                assert(fs.existsSync("a\\0b") == false)
                assert(fs.existsSync("") == false)
                assert(err(fs.statSync, "a\\0b") == "bad argument #1 to 'statSync' (path must not contain zero bytes)")
                """);
    }

    @Test
    void javaFileFailuresBecomeNodesCodes() {
        Map<IOException, FsError.Code> cases = new LinkedHashMap<>();
        cases.put(new FileAlreadyExistsException("/x"), FsError.Code.EEXIST);
        cases.put(new FileSystemLoopException("/x"), FsError.Code.ELOOP);
        cases.put(new AccessDeniedException("/x"), FsError.Code.EACCES);
        cases.put(new FileSystemException("/x", null, "Directory not empty"), FsError.Code.ENOTEMPTY);
        cases.put(new FileSystemException("/x", null, "No such file or directory"), FsError.Code.ENOENT);
        cases.put(new FileSystemException("/x", null, "Too many levels of symbolic links"), FsError.Code.ELOOP);
        cases.put(new FileSystemException("/x", "/y", "Invalid cross-device link"), FsError.Code.EXDEV);
        cases.put(new FileSystemException("/x", null, "Permission denied"), FsError.Code.EACCES);
        cases.put(new FileSystemException("/x", null, "Operation not permitted"), FsError.Code.EPERM);
        cases.put(new FileSystemException("/x", null, "Input/output error"), FsError.Code.EIO);
        cases.put(new IOException((String) null), FsError.Code.EIO);
        cases.forEach((e, code) -> {
            FsError error = FsError.of(e, "rename", "x", "y");
            assertThat(error.code()).as(e.toString()).isEqualTo(code);
            assertThat(error.getMessage()).as(e.toString())
                    .isEqualTo(code.name() + ": " + code.description + ", rename 'x' -> 'y'");
        });
    }
}
