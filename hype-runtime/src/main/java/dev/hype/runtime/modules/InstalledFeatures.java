package dev.hype.runtime.modules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.runtime.JsonTreeReader;
import dev.hype.runtime.permissions.Realm;
import dev.hype.runtime.permissions.Realms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answer {@code module.features}: the features {@code hype pkg install} enabled for the package a module file
 * belongs to, as {@code packages.<name>.features} of the {@code hype-lock.json} beside its {@code hype_modules/},
 * or for the project's own files, {@code root.features} of the lockfile beside the nearest {@code hype.json}. No
 * lockfile, or one that cannot be read, enables nothing; install and check report a bad one.
 */
final class InstalledFeatures {
    private static final String INSTALL_DIR = "hype_modules";
    private static final String LOCKFILE = "hype-lock.json";
    private static final String MANIFEST = "hype.json";

    private final Realms realms;
    private final Map<Path, Optional<JsonNode>> lockfiles = new ConcurrentHashMap<>();

    InstalledFeatures(Realms realms) {
        this.realms = realms;
    }

    /** Return the enabled features of the code in {@code file}, sorted. */
    List<String> of(Path file) {
        Realm realm = realms.realmOf(file);
        if (realm.packageName() != null && realm.root() != null) {
            Path project = realm.root();
            while (project != null && !INSTALL_DIR.equals(String.valueOf(project.getFileName()))) {
                project = project.getParent();
            }
            if (project == null || project.getParent() == null) {
                return List.of();
            }
            JsonNode features = lockfile(project.getParent()).path("packages").path(realm.packageName()).path("features");
            return features.isObject() ? new ArrayList<>(new TreeSet<>(fieldNames(features))) : List.of();
        }
        Path dir = file.getParent();
        while (dir != null && !Files.isRegularFile(dir.resolve(MANIFEST))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return List.of();
        }
        JsonNode features = lockfile(dir).path("root").path("features");
        List<String> names = new ArrayList<>();
        features.forEach(f -> {
            if (f.isTextual()) {
                names.add(f.textValue());
            }
        });
        return new ArrayList<>(new TreeSet<>(names));
    }

    private JsonNode lockfile(Path projectRoot) {
        return lockfiles.computeIfAbsent(projectRoot, root -> {
            try {
                return Optional.ofNullable(JsonTreeReader.read(Files.readAllBytes(root.resolve(LOCKFILE))));
            } catch (IOException e) {
                return Optional.empty();
            }
        }).orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
