package dev.hype.pm.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathRulesTest {

    @Test
    void matchNamesAtAnyDepthUnlessAnchored() {
        PathRules rules = PathRules.parse(List.of("*.log", "/only-root.txt", "docs/*.md"));

        assertThat(rules.verdict("a/b/c.log", false)).hasValue(true);
        assertThat(rules.verdict("only-root.txt", false)).hasValue(true);
        assertThat(rules.verdict("sub/only-root.txt", false)).isEmpty();
        assertThat(rules.verdict("docs/a.md", false)).hasValue(true);
        assertThat(rules.verdict("docs/deep/a.md", false)).isEmpty();
    }

    @Test
    void letTheLastMatchingRuleDecide() {
        PathRules rules = PathRules.parse(List.of("# comment", "", "*.lua", "!keep.lua"));

        assertThat(rules.verdict("x.lua", false)).hasValue(true);
        assertThat(rules.verdict("keep.lua", false)).hasValue(false);
    }

    @Test
    void restrictTrailingSlashRulesToDirectories() {
        PathRules rules = PathRules.parse(List.of("build/"));

        assertThat(rules.verdict("build", true)).hasValue(true);
        assertThat(rules.verdict("build", false)).isEmpty();
    }

    @Test
    void supportDoubleStarQuestionMarkAndClasses() {
        PathRules rules = PathRules.parse(List.of("src/**/test_?.lua", "[ab].txt"));

        assertThat(rules.verdict("src/test_1.lua", false)).hasValue(true);
        assertThat(rules.verdict("src/x/y/test_2.lua", false)).hasValue(true);
        assertThat(rules.verdict("src/x/test_10.lua", false)).isEmpty();
        assertThat(rules.verdict("a.txt", false)).hasValue(true);
        assertThat(rules.verdict("c.txt", false)).isEmpty();
    }

    @Test
    void takeEverythingUnderANamedDirectory() {
        PathRules files = PathRules.parseAnchored(List.of("lib", "*.md", "!lib/secret.lua"));

        assertThat(files.verdictWithParents("lib/a/b.lua")).hasValue(true);
        assertThat(files.verdictWithParents("lib/secret.lua")).hasValue(false);
        assertThat(files.verdictWithParents("other/lib.lua")).isEmpty();
        assertThat(files.verdictWithParents("src/lib/x.lua")).as("anchored at the root, as npm reads 'files'").isEmpty();
        assertThat(files.verdictWithParents("a.md")).hasValue(true);
        assertThat(files.verdictWithParents("deep/a.md")).isEmpty();
    }

    @Test
    void readRulesAsGitignoreDoes() {
        PathRules rules = PathRules.parse(List.of("./build/out.txt  ", "/", "notes[!0-9].txt", "\\*.lua", "[unclosed",
            "a[b^&\\\\]c"));

        assertThat(rules.verdict("build/out.txt", false)).as("./ and trailing spaces dropped").hasValue(true);
        assertThat(rules.verdict("notesA.txt", false)).hasValue(true);
        assertThat(rules.verdict("notes1.txt", false)).as("[!...] negates").isEmpty();
        assertThat(rules.verdict("*.lua", false)).as("an escaped star is literal").hasValue(true);
        assertThat(rules.verdict("x.lua", false)).isEmpty();
        assertThat(rules.verdict("[unclosed", false)).as("an unclosed bracket is literal").hasValue(true);
        assertThat(rules.verdict("a^c", false)).hasValue(true);
        assertThat(rules.verdict("a&c", false)).hasValue(true);
        assertThat(rules.verdict("a\\c", false)).hasValue(true);
        assertThat(rules.verdict("axc", false)).isEmpty();
    }
}
