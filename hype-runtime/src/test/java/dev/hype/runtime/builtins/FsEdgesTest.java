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

/**
 * The {@code fs} module where its arguments or the file system misbehave: option tables holding values of the
 * wrong type, a path through a file, a name with a zero byte, and the Node error code each kind of Java file
 * failure becomes.
 */
class FsEdgesTest {
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
