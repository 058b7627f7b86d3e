package dev.hype.e2e.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.e2e.Hype;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every error code the main code can report has its entry, meaning and fix, in docs/faq.md. */
class FaqTest {
    /** The shape of the codes: {@code E_...}, Node's {@code ERR_...}, and the runtime's own few. */
    private static final Pattern CODE = Pattern.compile(
            "\"((?:E|ERR)_[A-Z0-9_]+|MODULE_NOT_FOUND|PERMISSION_DENIED|JAVA_EXCEPTION|LUA_ERROR|LUA_SYNTAX_ERROR)\"");

    @Test
    void everyErrorCodeHasAnEntry() throws IOException {
        Path root = Hype.checkout();
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(p -> p.getFileName().toString().startsWith("hype-")
                    && Files.isDirectory(p.resolve("src/main"))).toList()) {
                collect(module.resolve("src/main"), codes);
            }
        }
        String faq = Files.readString(root.resolve("docs/faq.md"), StandardCharsets.UTF_8);
        assertThat(codes).as("error codes in the main code").hasSizeGreaterThan(50);
        assertThat(codes).as("codes without an entry in docs/faq.md").allSatisfy(code ->
                assertThat(faq).contains("`" + code + "`"));
    }

    private static void collect(Path sources, Set<String> codes) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".lua"))
                    .toList()) {
                Matcher m = CODE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
    }
}
