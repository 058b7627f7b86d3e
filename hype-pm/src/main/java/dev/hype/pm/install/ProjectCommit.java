package dev.hype.pm.install;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.fault.PausePoints;
import dev.hype.pm.files.AtomicWrite;
import dev.hype.pm.files.Trees;
import dev.hype.runtime.JsonTreeReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Change a project's {@code hype_modules/}, {@code hype-lock.json} and {@code hype.json} together: after a crash or
 * a kill at any instant the project holds all the old ones or all the new ones once recovered.
 *
 * <p>Everything new is written first beside its target: the tree in {@code hype_modules.staging-*}, each file in a
 * temporary {@code .NAME.*.tmp}. Then the journal {@code hype_modules.journal}, which names them, is renamed into
 * place: that rename is the commit point. Then the renames follow back to back: the current tree to
 * {@code hype_modules.old-*}, the staging tree to {@code hype_modules}, each temporary file over its target. Last, the
 * journal and then the old tree are deleted.
 *
 * <p>{@link #recover} runs before every install and check, under the project lock. With a journal it finishes the
 * commit (roll forward), unless the staged tree cannot be proven whole, in which case it puts the old tree back
 * (roll back). Without one, every staging tree, old tree and temporary file is an unfinished or abandoned
 * attempt and is deleted: an old tree is never renamed back, because its deletion may have begun.
 */
public final class ProjectCommit {
    /** The journal's file name, beside {@code hype.json}. */
    public static final String JOURNAL = InstalledTree.DIRECTORY + ".journal";
    static final String STAGING = InstalledTree.DIRECTORY + ".staging-";
    static final String OLD = InstalledTree.DIRECTORY + ".old-";

    private ProjectCommit() {
    }

    /** Tell what makes a staged tree whole; the problems found, empty when it is. */
    @FunctionalInterface
    public interface TreeProof {
        /** A proof that accepts every tree. */
        TreeProof ANY = tree -> List.of();

        /** Return what is wrong with the tree in {@code tree}. */
        List<String> problems(Path tree);
    }

    /**
     * Say what {@link #recover} did.
     *
     * @param finished whether an interrupted commit was finished (rolled forward)
     * @param undone the problems of a staged tree that could not be proven whole, so that the commit was rolled back;
     *     empty otherwise
     * @param removed how many leftovers of interrupted attempts were deleted
     */
    public record Recovery(boolean finished, List<String> undone, int removed) {
        /** Copy the list. */
        public Recovery {
            undone = List.copyOf(undone);
        }

        /** Tell whether recovery changed anything. */
        public boolean changed() {
            return finished || !undone.isEmpty() || removed > 0;
        }
    }

    /**
     * Hold the journal's JSON factory (jackson-core's: every install writes a journal, and building an
     * {@code ObjectMapper} for it cost a warm install of 200 packages more than its commit).
     */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    private record Journal(String tree, String old, Map<String, String> files) {
        byte[] toBytes() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                if (tree != null) {
                    json.writeStringField("tree", tree);
                }
                json.writeStringField("old", old);
                json.writeObjectFieldStart("files");
                for (Map.Entry<String, String> file : files.entrySet()) {
                    json.writeStringField(file.getKey(), file.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            return out.toByteArray();
        }

        static Journal read(Path file) throws IOException {
            JsonNode node = JsonTreeReader.read(Files.readAllBytes(file));
            if (node == null || !node.path("old").isTextual() || !node.path("files").isObject()) {
                throw new IOException(file + " is not a journal");
            }
            Map<String, String> files = new LinkedHashMap<>();
            node.get("files").properties().forEach(e -> files.put(e.getKey(), e.getValue().asText()));
            String tree = node.path("tree").isTextual() ? node.get("tree").textValue() : null;
            Journal journal = new Journal(tree, node.get("old").textValue(), files);
            journal.checkNames();
            return journal;
        }

        /** Refuse a journal whose names would reach outside the project folder. */
        private void checkNames() throws IOException {
            List<String> names = new ArrayList<>(files.keySet());
            names.addAll(files.values());
            names.add(old);
            if (tree != null) {
                names.add(tree);
            }
            for (String name : names) {
                if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".")
                        || name.equals("..")) {
                    throw new IOException("the journal names '" + name + "', which is not a file of the project");
                }
            }
        }
    }

    /**
     * Make {@code staging} (when not {@code null}) the project's {@code hype_modules/} and write {@code files}
     * (file name in {@code projectDirectory} to content, written in this order), all or nothing.
     *
     * @throws IOException when a step fails; before the commit point nothing changed, after it the next
     *     {@link #recover} finishes what this could not
     */
    public static void apply(Path projectDirectory, Path staging, Map<String, byte[]> files) throws IOException {
        Map<String, Path> temps = new LinkedHashMap<>();
        boolean committed = false;
        try {
            for (var e : files.entrySet()) {
                temps.put(e.getKey(), AtomicWrite.prepare(projectDirectory.resolve(e.getKey()), e.getValue(), false));
            }
            PausePoints.reach("install.prepared");
            if (staging == null && temps.size() <= 1) {
                for (var e : temps.entrySet()) {
                    AtomicWrite.replace(e.getValue(), projectDirectory.resolve(e.getKey()), false);
                    PausePoints.reach("install.replaced." + e.getKey());
                }
                return;
            }
            Map<String, String> names = new LinkedHashMap<>();
            temps.forEach((name, temp) -> names.put(name, temp.getFileName().toString()));
            Journal journal = new Journal(staging == null ? null : staging.getFileName().toString(),
                    OLD + UUID.randomUUID(), names);
            AtomicWrite.write(projectDirectory.resolve(JOURNAL), journal.toBytes());
            committed = true;
            PausePoints.reach("install.committed");
            try {
                rollForward(projectDirectory, journal);
            } catch (IOException e) {
                if (!undoUnlessSwapped(projectDirectory, journal)) {
                    throw new IOException(e.getMessage() + " (the install is committed; the next 'hype pkg install' "
                            + "finishes it)", e);
                }
                throw e;
            }
        } finally {
            if (!committed) {
                for (Path temp : temps.values()) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    /** Tell whether {@code projectDirectory} holds a journal or leftovers that {@link #recover} would act on. */
    public static boolean pending(Path projectDirectory, Set<String> files) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(projectDirectory,
                p -> isLeftover(p.getFileName().toString(), files))) {
            return entries.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Finish or undo an interrupted commit, then delete every leftover: staging and old trees and the temporary
     * files of {@code files}. Callers hold the {@link ProjectLock}.
     */
    public static Recovery recover(Path projectDirectory, Set<String> files, TreeProof proof) {
        Path journalFile = projectDirectory.resolve(JOURNAL);
        boolean finished = false;
        List<String> undone = List.of();
        try {
            Journal journal = readJournal(journalFile);
            if (journal != null) {
                Path tree = journal.tree() == null ? null : projectDirectory.resolve(journal.tree());
                List<String> problems = tree != null && Files.isDirectory(tree, LinkOption.NOFOLLOW_LINKS)
                        ? proof.problems(tree) : List.of();
                if (problems.isEmpty()) {
                    rollForward(projectDirectory, journal);
                    finished = true;
                } else {
                    rollBack(projectDirectory, journal);
                    undone = problems;
                }
            }
        } catch (IOException e) {
            throw new InstallException("cannot recover the interrupted install in " + projectDirectory + ": "
                    + dev.hype.runtime.ErrorText.of(e), e);
        }
        return new Recovery(finished, undone, removeLeftovers(projectDirectory, files));
    }

    private static Journal readJournal(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return Journal.read(file);
        } catch (IOException e) {
            // a journal appears by a rename, whole; one that does not parse was not written by hype
            Files.deleteIfExists(file);
            return null;
        }
    }

    private static void rollForward(Path dir, Journal journal) throws IOException {
        Path modules = dir.resolve(InstalledTree.DIRECTORY);
        Path old = dir.resolve(journal.old());
        if (journal.tree() != null) {
            Path tree = dir.resolve(journal.tree());
            if (Files.isDirectory(tree, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.exists(modules, LinkOption.NOFOLLOW_LINKS)) {
                    AtomicWrite.move(modules, old);
                    PausePoints.reach("install.old-renamed");
                }
                AtomicWrite.move(tree, modules);
                PausePoints.reach("install.tree-renamed");
            }
        }
        for (var e : journal.files().entrySet()) {
            Path temp = dir.resolve(e.getValue());
            if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                AtomicWrite.replace(temp, dir.resolve(e.getKey()), false);
                PausePoints.reach("install.replaced." + e.getKey());
            }
        }
        Files.deleteIfExists(dir.resolve(JOURNAL));
        PausePoints.reach("install.journal-deleted");
        deleteOld(old);
    }

    /** Undo a commit whose tree was not swapped in yet; return whether it could be undone. */
    private static boolean undoUnlessSwapped(Path dir, Journal journal) {
        if (journal.tree() != null && !Files.isDirectory(dir.resolve(journal.tree()), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (journal.tree() == null && journal.files().values().stream()
                .anyMatch(temp -> !Files.exists(dir.resolve(temp), LinkOption.NOFOLLOW_LINKS))) {
            return false;
        }
        try {
            rollBack(dir, journal);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void rollBack(Path dir, Journal journal) throws IOException {
        Path modules = dir.resolve(InstalledTree.DIRECTORY);
        Path old = dir.resolve(journal.old());
        if (!Files.exists(modules, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
            AtomicWrite.move(old, modules);
        }
        if (journal.tree() != null) {
            Trees.delete(dir.resolve(journal.tree()));
        }
        for (String temp : journal.files().values()) {
            Files.deleteIfExists(dir.resolve(temp));
        }
        Files.deleteIfExists(dir.resolve(JOURNAL));
    }

    /** Delete the replaced tree package by package (a test can stop it halfway at {@code install.old-deleting}). */
    private static void deleteOld(Path old) {
        if (!Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        boolean first = true;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(old)) {
            for (Path entry : entries) {
                Trees.deleteQuietly(entry);
                if (first) {
                    PausePoints.reach("install.old-deleting");
                    first = false;
                }
            }
        } catch (IOException e) {
            // recover() removes what is left
        }
        Trees.deleteQuietly(old);
    }

    private static int removeLeftovers(Path dir, Set<String> files) {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> isLeftover(p.getFileName().toString(), files) && !p.getFileName().toString().equals(JOURNAL))) {
            entries.forEach(leftovers::add);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new InstallException("cannot read " + dir + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
        int removed = 0;
        for (Path p : leftovers) {
            if (Trees.deleteQuietly(p)) {
                removed++;
            }
        }
        return removed;
    }

    private static boolean isLeftover(String name, Set<String> files) {
        if (name.startsWith(STAGING) || name.startsWith(OLD) || name.equals(JOURNAL)
                || AtomicWrite.isTemporaryFor(name, JOURNAL)) {
            return true;
        }
        return files.stream().anyMatch(f -> AtomicWrite.isTemporaryFor(name, f));
    }
}
