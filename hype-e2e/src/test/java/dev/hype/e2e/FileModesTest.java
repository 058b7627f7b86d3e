package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files hype writes honour the umask, and a rewritten file keeps its mode (issue 15): {@code hype.json},
 * {@code hype-lock.json}, {@code hype_modules/} and packed tarballs. Store files are read-only.
 */
class FileModesTest {
    @TempDir
    Path temp;

    private Hype hype;
    private FileRegistry registry;

    @BeforeEach
    void project() {
        hype = Hype.in(temp);
        registry = FileRegistry.in(temp.resolve("registry")).publish("a-lib", "1.0.0", "'a'")
                .publish("b-lib", "1.0.0", "'b'");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"license\": \"MIT\", "
                + "\"main\": \"index.lua\"}\n");
        hype.write("index.lua", "return 1\n");
    }

    @Test
    void newFilesFollowTheUmaskAndRewrittenOnesKeepTheirMode() throws IOException {
        Path manifest = hype.directory().resolve("hype.json");
        Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("rw-rw-r--"));

        withUmask("002", "pkg", "install", "a-lib", "--registry", registry.url()).assertSuccess();

        assertThat(mode("hype.json")).isEqualTo("rw-rw-r--");
        assertThat(mode("hype-lock.json")).isEqualTo("rw-rw-r--");
        assertThat(mode("hype_modules")).isEqualTo("rwxrwxr-x");
        assertThat(mode("hype_modules/a-lib")).isEqualTo("rwxrwxr-x");
        assertThat(mode("hype_modules/a-lib/index.lua")).as("a store file, linked").isEqualTo("r--r--r--");

        Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("rw-------"));
        withUmask("022", "pkg", "install", "b-lib", "--registry", registry.url()).assertSuccess();

        assertThat(hype.read("hype.json")).contains("b-lib");
        assertThat(mode("hype.json")).isEqualTo("rw-------");
        assertThat(mode("hype-lock.json")).isEqualTo("rw-rw-r--");
        assertThat(mode("hype_modules")).isEqualTo("rwxrwxr-x");

        withUmask("002", "pkg", "pack").assertSuccess();
        assertThat(mode("app-1.0.0.tgz")).isEqualTo("rw-rw-r--");
    }

    private Result withUmask(String umask, String... args) {
        String[] command = new String[args.length + 4];
        command[0] = "sh";
        command[1] = "-c";
        command[2] = "umask " + umask + " && exec \"$0\" \"$@\"";
        command[3] = Hype.launcher().toString();
        System.arraycopy(args, 0, command, 4, args.length);
        return hype.runProgram(command);
    }

    private String mode(String path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(hype.directory().resolve(path)));
    }

}
