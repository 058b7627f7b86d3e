package dev.hype.pm.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.manifest.ManifestEditor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Render lockfiles as stable text and write them only when their content changed. */
public final class LockfileWriter {
    private LockfileWriter() {
    }

    /** Render the lockfile: sorted keys, two-space indentation, a trailing newline. */
    public static String render(Lockfile lockfile) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode top = json.objectNode();
        lockfile.extras().forEach(top::set);
        top.put("lockfileVersion", lockfile.lockfileVersion());
        ObjectNode root = top.putObject("root").putObject("dependencies");
        lockfile.root().forEach(root::put);
        ObjectNode packages = top.putObject("packages");
        lockfile.packages().forEach((name, p) -> packages.set(name, entry(p)));
        return SortedJson.render(top);
    }

    private static JsonNode entry(LockedPackage p) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        p.extras().forEach(node::set);
        node.put("version", p.version().toString());
        node.put("resolved", p.resolved());
        node.put("integrity", p.integrity());
        ObjectNode deps = node.putObject("dependencies");
        p.dependencies().forEach((name, version) -> deps.put(name, version.toString()));
        if (p.permissions() != null) {
            node.set("permissions", p.permissions());
        }
        return node;
    }

    /**
     * Write the lockfile to {@code file} through a temporary file and a rename, unless the file already holds
     * exactly this content; return whether it was written.
     */
    public static boolean write(Path file, Lockfile lockfile) {
        String text = render(lockfile);
        try {
            try {
                if (Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                    return false;
                }
            } catch (NoSuchFileException absent) {
                // first lock: write it
            }
            ManifestEditor.writeAtomically(file, text);
            return true;
        } catch (IOException e) {
            throw new LockfileException("cannot write " + file + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
    }
}
