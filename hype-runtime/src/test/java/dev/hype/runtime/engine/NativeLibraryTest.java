package dev.hype.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.badlogic.gdx.jnigen.loader.SharedLibraryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import party.iroiro.luajava.lua54.Lua54Natives;

class NativeLibraryTest {
    @TempDir
    Path temp;

    @Test
    void loadsTheLibraryFromTheDirectoryInTheProperty() throws Exception {
        Path directory = Files.createDirectories(temp.resolve("natives"));
        String name = new SharedLibraryLoader().mapLibraryName("lua54");
        try (InputStream in = SharedLibraryLoader.class.getResourceAsStream("/" + name)) {
            Files.copy(in, directory.resolve(name));
        }

        assertThat(runChild(directory)).isEqualTo("2 " + directory.resolve(name).toAbsolutePath());
    }

    @Test
    void fallsBackToLuaJavasLoaderWithoutTheLibrary() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        assertThat(runChild(empty)).startsWith("2 ").doesNotContain(empty.toString());
    }

    /** Start a JVM with {@code -Dhype.natives=directory} that evaluates 1 + 1; return its output. */
    private String runChild(Path directory) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-D" + NativeLibrary.DIRECTORY_PROPERTY + "=" + directory,
                "-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Path output = temp.resolve("child.out");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(output, StandardCharsets.UTF_8).strip();
        assertThat(child.exitValue()).as(text).isZero();
        return text;
    }

    /** Evaluate 1 + 1 and print the result and the file LuaJava's natives came from. */
    static final class Child {
        public static void main(String[] args) throws ReflectiveOperationException {
            String value;
            try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
                value = ((EvalResult.Values) runtime.evaluate("1 + 1")).display();
            }
            Field field = Lua54Natives.class.getDeclaredField("loaded");
            field.setAccessible(true);
            System.out.println(value + " " + ((AtomicReference<?>) field.get(null)).get());
        }
    }
}
