package dev.hype.pm.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.files.AtomicWrite;
import dev.hype.pm.resolve.FeatureRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

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
        ObjectNode rootSection = top.putObject("root");
        ObjectNode root = rootSection.putObject("dependencies");
        lockfile.root().forEach((name, range) -> {
            FeatureRequest request = lockfile.rootRequests().get(name);
            if (request == null) {
                root.put(name, range);
                return;
            }
            ObjectNode object = root.putObject(name).put("version", range);
            if (!request.features().isEmpty()) {
                request.features().forEach(object.putArray("features")::add);
            }
            if (!request.defaultFeatures()) {
                object.put("default-features", false);
            }
        });
        if (lockfile.rootFeatures() != null) {
            lockfile.rootFeatures().forEach(rootSection.putArray("features")::add);
        }
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
        if (!p.features().isEmpty()) {
            ObjectNode features = node.putObject("features");
            p.features().forEach((feature, who) -> who.forEach(features.putArray(feature)::add));
        }
        if (p.permissions() != null) {
            node.set("permissions", p.permissions());
        }
        return node;
    }

    /** Return the lockfile's text when it differs from what {@code file} holds (or {@code file} is absent). */
    public static Optional<String> changed(Path file, Lockfile lockfile) {
        String text = render(lockfile);
        try {
            return Files.readString(file, StandardCharsets.UTF_8).equals(text) ? Optional.empty() : Optional.of(text);
        } catch (NoSuchFileException absent) {
            return Optional.of(text);
        } catch (IOException e) {
            throw new LockfileException("cannot read " + file + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
    }

    /**
     * Write the lockfile to {@code file} through a temporary file and a rename, unless the file already holds
     * exactly this content; return whether it was written.
     */
    public static boolean write(Path file, Lockfile lockfile) {
        Optional<String> text = changed(file, lockfile);
        if (text.isEmpty()) {
            return false;
        }
        try {
            AtomicWrite.write(file, text.get().getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            throw new LockfileException("cannot write " + file + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
    }
}
