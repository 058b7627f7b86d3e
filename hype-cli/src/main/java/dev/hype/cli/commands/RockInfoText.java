package dev.hype.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.ops.RockInfoResult;
import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.rocks.Rockspec;
import java.util.List;
import java.util.TreeSet;

/** Render what {@code hype pkg info rocks:NAME} shows. */
final class RockInfoText {
    private RockInfoText() {
    }

    static String render(RockInfoResult result) {
        Rockspec rockspec = result.rockspec();
        StringBuilder text = new StringBuilder();
        text.append(result.name()).append('@').append(result.shown().text());
        String license = rockspec.description("license");
        if (!license.isBlank()) {
            text.append(" | ").append(license);
        }
        text.append(" | versions: ").append(result.versions().size()).append('\n');
        String summary = rockspec.description("summary").strip();
        if (!summary.isEmpty()) {
            text.append(summary).append('\n');
        }
        text.append("\nversions: ").append(String.join(", ", result.versions().stream().map(RockVersion::text)
                .toList())).append('\n');
        text.append("\ndependencies:").append(rockspec.dependencies().isEmpty() ? " none\n" : "\n");
        rockspec.dependencies().forEach(d -> text.append("  ").append(d.strip()).append('\n'));
        JsonNode build = rockspec.build();
        String type = build.path("type").asText(rockspec.formatAtLeast("3.0") ? "builtin" : "(none)");
        List<String> cModules = new java.util.ArrayList<>();
        build.path("modules").properties().forEach(e -> {
            if (!(e.getValue().isTextual() && e.getValue().asText().endsWith(".lua"))) {
                cModules.add(e.getKey());
            }
        });
        text.append("\nbuild: ").append(type);
        if (!cModules.isEmpty()) {
            text.append(", C modules: ").append(String.join(", ", new TreeSet<>(cModules)))
                    .append(" (built at install; needs a C compiler and Lua 5.4 headers)");
        }
        if (!List.of("builtin", "module", "none").contains(type)) {
            text.append(" (Hype does not run this build type)");
        }
        text.append('\n');
        text.append("forms: ").append(String.join(", ", new TreeSet<>(result.arches())))
                .append(" (Hype installs all, else src)\n");
        String homepage = rockspec.description("homepage");
        if (!homepage.isBlank()) {
            text.append("homepage: ").append(homepage).append('\n');
        }
        text.append("\npermissions: a rock declares none; it runs unrestricted unless hype.json's rockPermissions"
                + " restricts it").append(cModules.isEmpty() ? "" : " (C modules need native)").append('\n');
        text.append("\nserver: ").append(result.server()).append('\n');
        return text.toString();
    }
}
