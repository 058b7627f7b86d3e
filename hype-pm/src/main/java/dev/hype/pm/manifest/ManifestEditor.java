package dev.hype.pm.manifest;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.hype.pm.files.AtomicWrite;
import dev.hype.pm.rocks.RockConstraint;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.RangeOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edit the dependencies of a {@code hype.json} text while keeping its formatting, key order and line endings.
 *
 * <p>A new dependency goes into the existing section, in name order when the section is sorted, else at its
 * end, using the indentation found in the file. Values are immutable: each edit returns a new editor.
 */
public final class ManifestEditor {
    private final String text;

    private ManifestEditor(String text) {
        this.text = text;
    }

    /** Start editing manifest text. */
    public static ManifestEditor of(String text) {
        return new ManifestEditor(text);
    }

    /** Return the edited text. */
    public String text() {
        return text;
    }

    /** Read a manifest file, apply the edits, and write the result atomically if it changed; return whether it did. */
    public static boolean edit(Path file, UnaryOperator<ManifestEditor> edits) {
        try {
            String before = Files.readString(file);
            String after = edits.apply(of(before)).text();
            if (after.equals(before)) {
                return false;
            }
            writeAtomically(file, after);
            return true;
        } catch (IOException e) {
            throw new ManifestException("cannot edit " + file + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
    }

    /**
     * Write text to a temporary file beside the target, then rename it into place; the file keeps its mode, or gets
     * the umask's when new.
     */
    public static void writeAtomically(Path file, String content) throws IOException {
        AtomicWrite.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Add the dependency, or change its range if present. */
    public ManifestEditor addDependency(DependencyKind kind, String name, String range) {
        boolean rock = RockName.isRock(name);
        (rock ? RockName.problem(name) : PackageName.problem(name)).ifPresent(p -> {
            throw new ManifestException(List.of(new ManifestProblem(Manifest.FILE_NAME, 1, 1, kind.key() + "." + name, p)));
        });
        java.util.Optional<String> rangeProblem = rock ? RockConstraint.problem(range)
                : Range.tryParse(range, RangeOptions.DEFAULT).isEmpty()
                ? java.util.Optional.of(ManifestReader.quote(range) + " is not a valid version range")
                : java.util.Optional.empty();
        rangeProblem.ifPresent(p -> {
            throw new ManifestException(List.of(new ManifestProblem(Manifest.FILE_NAME, 1, 1, kind.key() + "." + name,
                    p)));
        });
        JsonLayout layout = layout(kind);
        String member = quote(name) + ": " + quote(range);
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        String unit = indentUnit(layout);
        if (layout.section() == null && layout.sectionMember() != null) {
            throw new ManifestException(List.of(new ManifestProblem(Manifest.FILE_NAME, 1, 1, kind.key(),
                    "expected an object of dependencies")));
        }
        if (layout.section() == null) {
            String rootIndent = layout.members().isEmpty() ? "" : indentBefore(layout.members().getFirst().keyStart());
            String block = quote(kind.key()) + ": {" + nl + rootIndent + unit + member + nl + rootIndent + "}";
            if (layout.members().isEmpty()) {
                return splice(layout.rootStart() + 1, layout.rootEnd(), nl + unit + block + nl);
            }
            int end = layout.members().getLast().valueEnd();
            return splice(end, end, "," + nl + (rootIndent.isEmpty() ? unit : rootIndent) + block);
        }
        List<JsonLayout.Member> members = layout.section();
        for (JsonLayout.Member m : members) {
            if (m.key().equals(name)) {
                return text.charAt(m.valueStart()) == '{' ? replaceVersion(m, range)
                        : splice(m.valueStart(), m.valueEnd(), quote(range));
            }
        }
        if (members.isEmpty()) {
            String sectionIndent = indentBefore(layout.sectionMember().keyStart());
            return splice(layout.sectionMember().valueStart() + 1, layout.sectionEnd(),
                    nl + sectionIndent + unit + member + nl + sectionIndent);
        }
        boolean multiline = text.substring(layout.sectionMember().valueStart(), layout.sectionEnd()).contains("\n");
        String separator = multiline ? nl + indentBefore(members.getFirst().keyStart()) : " ";
        boolean sorted = true;
        for (int i = 1; i < members.size(); i++) {
            sorted &= members.get(i - 1).key().compareTo(members.get(i).key()) <= 0;
        }
        if (sorted) {
            for (JsonLayout.Member m : members) {
                if (m.key().compareTo(name) > 0) {
                    return splice(m.keyStart(), m.keyStart(), member + "," + separator);
                }
            }
        }
        int end = members.getLast().valueEnd();
        return splice(end, end, "," + separator + member);
    }

    /** Change the {@code version} of a dependency in the object form, keeping its other fields as written. */
    private ManifestEditor replaceVersion(JsonLayout.Member member, String range) {
        try {
            JsonLayout object = JsonLayout.scan(text.substring(member.valueStart(), member.valueEnd()), "");
            for (JsonLayout.Member field : object.members()) {
                if (field.key().equals("version")) {
                    return splice(member.valueStart() + field.valueStart(), member.valueStart() + field.valueEnd(),
                            quote(range));
                }
            }
            int open = member.valueStart() + object.rootStart() + 1;
            return splice(open, open, quote("version") + ": " + quote(range) + (object.members().isEmpty() ? "" : ", "));
        } catch (IOException e) {
            throw new ManifestException("cannot edit " + Manifest.FILE_NAME + ": " + e.getMessage(), e);
        }
    }

    /** Remove the dependency if present. */
    public ManifestEditor removeDependency(DependencyKind kind, String name) {
        JsonLayout layout = layout(kind);
        List<JsonLayout.Member> members = layout.section();
        if (members == null) {
            return this;
        }
        for (int i = 0; i < members.size(); i++) {
            JsonLayout.Member m = members.get(i);
            if (!m.key().equals(name)) {
                continue;
            }
            if (members.size() == 1) {
                return splice(layout.sectionMember().valueStart(), layout.sectionEnd() + 1, "{}");
            } else if (i < members.size() - 1) {
                return splice(m.keyStart(), members.get(i + 1).keyStart(), "");
            }
            return splice(members.get(i - 1).valueEnd(), m.valueEnd(), "");
        }
        return this;
    }

    private JsonLayout layout(DependencyKind kind) {
        try {
            return JsonLayout.scan(text, kind.key());
        } catch (IOException e) {
            Manifest.parse(text, Manifest.FILE_NAME);
            throw new ManifestException("cannot edit " + Manifest.FILE_NAME + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
    }

    private ManifestEditor splice(int start, int end, String replacement) {
        return new ManifestEditor(text.substring(0, start) + replacement + text.substring(end));
    }

    /** Return the whitespace between the start of the line and the offset, or "" if other text precedes it. */
    private String indentBefore(int offset) {
        int lineStart = offset;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        String prefix = text.substring(lineStart, offset);
        return prefix.isBlank() ? prefix : "";
    }

    private String indentUnit(JsonLayout layout) {
        if (!layout.members().isEmpty()) {
            String indent = indentBefore(layout.members().getFirst().keyStart());
            if (!indent.isEmpty()) {
                return indent;
            }
        }
        return "  ";
    }

    private static String quote(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
