package dev.hype.pm.install;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Link each package's {@code bin} entries into {@code hype_modules/.bin}. */
final class BinLinker {
    private BinLinker() {
    }

    /** Link the bins of the package installed as {@code name} in {@code modules}. */
    static void link(Path modules, String name) throws IOException {
        Path packageDir = InstalledTree.packageDirectory(modules, name);
        Map<String, String> bins = bins(InstallMarker.readJson(packageDir.resolve("hype.json")), name);
        if (bins.isEmpty()) {
            return;
        }
        Path binDir = modules.resolve(InstalledTree.BIN);
        Files.createDirectories(binDir);
        for (var e : bins.entrySet()) {
            Path script = packageDir.resolve(e.getValue()).normalize();
            if (!e.getKey().matches("[A-Za-z0-9._-]+") || e.getKey().startsWith(".") || !script.startsWith(packageDir)
                    || !Files.isRegularFile(script)) {
                continue;
            }
            Path link = binDir.resolve(e.getKey());
            Files.deleteIfExists(link);
            try {
                Files.createSymbolicLink(link, binDir.relativize(script));
            } catch (UnsupportedOperationException | IOException e2) {
                Files.copy(script, link);
            }
        }
    }

    static Map<String, String> bins(JsonNode manifest, String name) {
        Map<String, String> result = new LinkedHashMap<>();
        if (manifest == null) {
            return result;
        }
        JsonNode bin = manifest.path("bin");
        if (bin.isTextual()) {
            result.put(name.substring(name.indexOf('/') + 1), bin.textValue());
        } else if (bin.isObject()) {
            bin.properties().forEach(e -> {
                if (e.getValue().isTextual()) {
                    result.put(e.getKey(), e.getValue().textValue());
                }
            });
        }
        return result;
    }
}
