package dev.hype.pm.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackageNameTest {

    @Test
    void acceptUnscopedAndScopedNamesOfUrlSafeCharacters() {
        for (String name : List.of("a", "0", "-a", "~a", "bench-dep-1", "a.b_c~d-e", "a".repeat(214), "@scope/a",
                "@s.x/b-c", "rocks:lpeg")) {
            assertThat(PackageName.problem(name)).as(name).isEmpty();
        }
    }

    @Test
    void nameTheRuleAnInvalidNameBreaks() {
        assertThat(PackageName.problem("")).hasValue("a package name must not be empty");
        assertThat(PackageName.problem("a".repeat(215))).hasValue("a package name must be at most 214 characters");
        assertThat(PackageName.problem(" a")).hasValue("a package name must not start or end with spaces");
        assertThat(PackageName.problem("Abc")).hasValue("a package name must be lower case");
        assertThat(PackageName.problem(".a")).hasValue("a package name must not start with \".\" or \"_\"");
        assertThat(PackageName.problem("_a")).hasValue("a package name must not start with \".\" or \"_\"");
        assertThat(PackageName.problem("hype_modules")).hasValue("\"hype_modules\" is a reserved name");
        assertThat(PackageName.problem("node_modules")).hasValue("\"node_modules\" is a reserved name");
        assertThat(PackageName.problem("favicon.ico")).hasValue("\"favicon.ico\" is a reserved name");
        for (String name : List.of("a b", "a/b", "a:b", "a!", "é", "@scope/", "@/a", "a/b/c", "@scope/.a")) {
            assertThat(PackageName.problem(name)).as(name).hasValueSatisfying(p -> assertThat(p)
                    .startsWith("a package name may hold only URL-safe characters"));
        }
    }
}
