package dev.hype.pm.ops;

import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.pack.LuaSourceChecker;
import dev.hype.pm.pack.PackException;
import dev.hype.pm.pack.PackResult;
import dev.hype.pm.pack.Packer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Validate a project's manifest, check that its Lua compiles, and pack it into {@code <name>-<version>.tgz}. */
public final class PackOperation {
    private PackOperation() {
    }

    /**
     * Pack the project.
     *
     * @throws dev.hype.pm.manifest.ManifestException for an invalid {@code hype.json}
     * @throws PackException for a file that does not compile ({@code E_LUA_SYNTAX}) or cannot be packed
     */
    public static PackOutcome run(PackOptions options) {
        Manifest manifest = Manifest.read(options.projectDirectory());
        if (manifest.version() == null) {
            throw new PackException(PackException.E_PACK, options.projectDirectory().resolve(Manifest.FILE_NAME)
                + ": field 'version' is missing", List.of("a package needs a version to be packed: \"version\": \"1.0.0\""));
        }
        PackResult packed;
        try (LuaSourceChecker checker = new LuaSourceChecker()) {
            packed = Packer.create(checker).pack(options.projectDirectory());
        }
        if (options.dryRun()) {
            return new PackOutcome(manifest, packed, null);
        }
        try {
            Path written = packed.writeTo(options.outDirectory());
            return new PackOutcome(manifest, packed, written);
        } catch (IOException e) {
            throw new PackException(PackException.E_PACK, "cannot write " + packed.fileName() + " into "
                + options.outDirectory() + ": " + dev.hype.runtime.ErrorText.of(e), List.of(), e);
        }
    }
}
