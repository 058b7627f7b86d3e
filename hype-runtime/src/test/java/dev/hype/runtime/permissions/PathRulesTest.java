package dev.hype.runtime.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathRulesTest {
    @TempDir
    Path temp;
    Path base;
    Anchors anchors;

    @BeforeEach
    void anchors() throws IOException {
        Path root = temp.toRealPath();
        base = Files.createDirectories(root.resolve("pkg"));
        anchors = new Anchors(base, Files.createDirectories(root.resolve("cwd")),
                Files.createDirectories(root.resolve("home")), Files.createDirectories(root.resolve("tmp")));
    }

    private PathRules rules(String... patterns) {
        return new PathRules(List.of(patterns), anchors);
    }

    @Test
    void relativePatternStartsAtTheBaseAndGrantsWhatIsInside() {
        PathRules rules = rules("data");
        assertThat(rules.allows(base.resolve("data"))).isTrue();
        assertThat(rules.allows(base.resolve("data/a/b.txt"))).isTrue();
        assertThat(rules.allows(base.resolve("database"))).isFalse();
        assertThat(rules.allows(base)).isFalse();
    }

    @Test
    void dotGrantsTheBaseItself() {
        PathRules rules = rules(".");
        assertThat(rules.allows(base)).isTrue();
        assertThat(rules.allows(base.resolve("x/y"))).isTrue();
        assertThat(rules.allows(base.getParent())).isFalse();
    }

    @Test
    void dotDotInAPatternLeavesTheBase() {
        assertThat(rules("../shared").allows(base.resolveSibling("shared").resolve("f"))).isTrue();
    }

    @Test
    void anchorsStartAtTheirDirectories() {
        assertThat(rules("$CWD/out").allows(anchors.cwd().resolve("out/f"))).isTrue();
        assertThat(rules("$HOME/.config/app/**").allows(anchors.home().resolve(".config/app/settings.json"))).isTrue();
        assertThat(rules("$HOME/.config/app/**").allows(anchors.home().resolve(".config/other"))).isFalse();
        assertThat(rules("$TMP").allows(anchors.tmp().resolve("any/thing"))).isTrue();
        assertThat(rules("$CWD").allows(anchors.cwd())).isTrue();
    }

    @Test
    void aDollarNameThatIsNoAnchorIsAPlainRelativeName() {
        assertThat(rules("$CWDX").allows(base.resolve("$CWDX/f"))).isTrue();
        assertThat(rules("$CWDX").allows(anchors.cwd().resolve("X"))).isFalse();
    }

    @Test
    void absolutePatternStartsAtTheRoot() {
        assertThat(rules("/etc/hosts").allows(Path.of("/etc/hosts"))).isTrue();
        assertThat(rules("/etc/hosts").allows(Path.of("/etc/passwd"))).isFalse();
    }

    @Test
    void starStaysWithinOneName() {
        PathRules rules = rules("logs/*.txt");
        assertThat(rules.allows(base.resolve("logs/a.txt"))).isTrue();
        assertThat(rules.allows(base.resolve("logs/sub/a.txt"))).isFalse();
        assertThat(rules.allows(base.resolve("logs/a.log"))).isFalse();
        // A directory the glob names is granted with what is inside it.
        assertThat(rules.allows(base.resolve("logs/dir.txt/inner"))).isTrue();
    }

    @Test
    void doubleStarCrossesNamesButDoesNotNameTheDirectoryItself() {
        PathRules rules = rules("cache/**");
        assertThat(rules.allows(base.resolve("cache/a"))).isTrue();
        assertThat(rules.allows(base.resolve("cache/a/b/c"))).isTrue();
        assertThat(rules.allows(base.resolve("cache"))).isFalse();
        assertThat(rules.allows(base.resolve("cachex/a"))).isFalse();
    }

    @Test
    void questionMarkBracesAndClasses() {
        assertThat(rules("v?.json").allows(base.resolve("v1.json"))).isTrue();
        assertThat(rules("v?.json").allows(base.resolve("v10.json"))).isFalse();
        assertThat(rules("{a,b}.txt").allows(base.resolve("b.txt"))).isTrue();
        assertThat(rules("{a,b}.txt").allows(base.resolve("c.txt"))).isFalse();
        assertThat(rules("[xy].txt").allows(base.resolve("y.txt"))).isTrue();
    }

    @Test
    void globCharactersInTheBaseDirectoryAreLiteral() throws IOException {
        Path odd = Files.createDirectories(base.resolve("we[i]rd{dir}*"));
        anchors = anchors.withBase(odd);
        assertThat(rules("*.txt").allows(odd.resolve("a.txt"))).isTrue();
        assertThat(rules("*.txt").allows(base.resolve("wei/a.txt"))).isFalse();
    }

    @Test
    void literalPartOfAPatternIsCanonicalised() throws IOException {
        Path real = Files.createDirectories(base.resolve("real"));
        Files.createSymbolicLink(base.resolve("link"), real);
        assertThat(rules("link/**").allows(real.resolve("f"))).isTrue();
        assertThat(rules("link").allows(real.resolve("f"))).isTrue();
    }

    @Test
    void noPatternAllowsNothing() {
        assertThat(rules().allows(base.resolve("x"))).isFalse();
    }
}
