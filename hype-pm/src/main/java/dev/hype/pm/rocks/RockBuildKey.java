package dev.hype.pm.rocks;

import dev.hype.pm.pack.Integrity;
import java.nio.charset.StandardCharsets;

/**
 * Name the store entry that holds a rock built for a platform: what {@code hype_modules/rocks:NAME/} links to. A
 * rock's archive has an entry of its own (keyed by its integrity, as any package); its build is keyed by that
 * integrity, the build layout and the platform.
 */
public final class RockBuildKey {
    /** The version of the build layout; a change makes every rock build again. */
    private static final String BUILD_LAYOUT = "hype-rock-build/1";
    private static final RockPlatform CURRENT = RockPlatform.current();

    private RockBuildKey() {
    }

    /** Return the store key of a rock's build on {@code platform}. */
    public static Integrity of(Integrity archive, RockPlatform platform) {
        return Integrity.sha512((BUILD_LAYOUT + "\n" + archive.sri() + "\n" + platform.arch())
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Return the store key of the folder {@code hype_modules/NAME/} holds: for a rock, its build on this machine;
     * for any other package, its tarball's {@code integrity}.
     */
    public static Integrity installed(String name, Integrity integrity) {
        return RockName.isRock(name) ? of(integrity, CURRENT) : integrity;
    }
}
