package dev.hype.runtime.permissions;

import dev.hype.runtime.HypeHome;
import java.nio.file.Path;

/**
 * Hold the directories permission patterns start from: relative patterns from {@code base} (the
 * package's directory, or the project's), and {@code $CWD}, {@code $HOME}, {@code $TMP}.
 */
public record Anchors(Path base, Path cwd, Path home, Path tmp) {
    /** Canonicalise every directory, so patterns compare with canonical paths. */
    public Anchors {
        base = PathCanon.canonical(base.toAbsolutePath());
        cwd = PathCanon.canonical(cwd.toAbsolutePath());
        home = PathCanon.canonical(home.toAbsolutePath());
        tmp = PathCanon.canonical(tmp.toAbsolutePath());
    }

    /** Return the anchors of this process: {@code user.dir}, the user's home ({@code $HOME}), {@code java.io.tmpdir}. */
    public static Anchors of(Path base) {
        return new Anchors(base, Path.of(System.getProperty("user.dir")), HypeHome.userHome(),
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Return the same anchors with another base. */
    public Anchors withBase(Path newBase) {
        return new Anchors(newBase, cwd, home, tmp);
    }

}
