package dev.hype.pm.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCommitTest {
    private static final Set<String> FILES = Set.of("hype-lock.json", "hype.json");

    @TempDir
    Path project;

    @BeforeEach
    void oldProject() throws IOException {
        Files.createDirectories(project.resolve("hype_modules/old-pkg"));
        Files.writeString(project.resolve("hype_modules/old-pkg/index.lua"), "old");
        Files.writeString(project.resolve("hype-lock.json"), "old lock");
        Files.writeString(project.resolve("hype.json"), "old manifest");
    }

    @Test
    void applySwapsTheTreeAndWritesEveryFile() throws IOException {
        Path staging = staging();

        ProjectCommit.apply(project, staging, files());

        assertNew();
        assertThat(names()).containsExactlyInAnyOrder("hype_modules", "hype-lock.json", "hype.json");
    }

    @Test
    void applyWithOneFileAndNoTreeNeedsNoJournal() throws IOException {
        ProjectCommit.apply(project, null, Map.of("hype-lock.json", bytes("new lock")));

        assertThat(project.resolve("hype-lock.json")).hasContent("new lock");
        assertThat(project.resolve("hype_modules/old-pkg")).isDirectory();
        assertThat(names()).containsExactlyInAnyOrder("hype_modules", "hype-lock.json", "hype.json");
    }

    @Test
    void recoveryFinishesACommitWhoseTreeWasNotSwappedYet() throws IOException {
        Path staging = staging();
        Path lockTemp = temp("hype-lock.json", "new lock");
        Path manifestTemp = temp("hype.json", "new manifest");
        journal(staging.getFileName().toString(), "hype_modules.old-1", lockTemp, manifestTemp);

        ProjectCommit.Recovery recovery = ProjectCommit.recover(project, FILES, ProjectCommit.TreeProof.ANY);

        assertThat(recovery.finished()).isTrue();
        assertNew();
        assertThat(names()).containsExactlyInAnyOrder("hype_modules", "hype-lock.json", "hype.json");
    }

    @Test
    void recoveryFinishesACommitKilledBetweenItsRenames() throws IOException {
        Path staging = staging();
        Path lockTemp = temp("hype-lock.json", "new lock");
        Path manifestTemp = temp("hype.json", "new manifest");
        journal(staging.getFileName().toString(), "hype_modules.old-1", lockTemp, manifestTemp);
        Files.move(project.resolve("hype_modules"), project.resolve("hype_modules.old-1"));
        Files.move(staging, project.resolve("hype_modules"));
        Files.move(lockTemp, project.resolve("hype-lock.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        ProjectCommit.recover(project, FILES, ProjectCommit.TreeProof.ANY);

        assertNew();
        assertThat(names()).containsExactlyInAnyOrder("hype_modules", "hype-lock.json", "hype.json");
    }

    @Test
    void recoveryUndoesACommitWhoseStagedTreeIsNotWhole() throws IOException {
        Path staging = staging();
        Path lockTemp = temp("hype-lock.json", "new lock");
        journal(staging.getFileName().toString(), "hype_modules.old-1", lockTemp, null);
        Files.move(project.resolve("hype_modules"), project.resolve("hype_modules.old-1"));

        ProjectCommit.Recovery recovery = ProjectCommit.recover(project, FILES,
                tree -> List.of("new-pkg/index.lua changed size"));

        assertThat(recovery.undone()).containsExactly("new-pkg/index.lua changed size");
        assertThat(project.resolve("hype_modules/old-pkg/index.lua")).hasContent("old");
        assertThat(project.resolve("hype-lock.json")).hasContent("old lock");
        assertThat(names()).containsExactlyInAnyOrder("hype_modules", "hype-lock.json", "hype.json");
    }

    @Test
    void withoutAJournalEveryLeftoverIsDeletedAndNothingRenamedBack() throws IOException {
        Files.move(project.resolve("hype_modules"), project.resolve("hype_modules.old-9"));
        staging();
        temp("hype-lock.json", "half-written");
        Files.writeString(project.resolve(".hype_modules.journal.5.tmp"), "{");

        ProjectCommit.Recovery recovery = ProjectCommit.recover(project, FILES, ProjectCommit.TreeProof.ANY);

        assertThat(recovery.removed()).isEqualTo(4);
        assertThat(names()).containsExactlyInAnyOrder("hype-lock.json", "hype.json");
        assertThat(project.resolve("hype-lock.json")).hasContent("old lock");
    }

    @Test
    void aJournalThatIsNotJsonIsIgnored() throws IOException {
        Files.writeString(project.resolve(ProjectCommit.JOURNAL), "not json");

        ProjectCommit.recover(project, FILES, ProjectCommit.TreeProof.ANY);

        assertThat(project.resolve("hype_modules/old-pkg/index.lua")).hasContent("old");
        assertThat(names()).containsExactlyInAnyOrder("hype_modules", "hype-lock.json", "hype.json");
    }

    @Test
    void aJournalNamingFilesOutsideTheProjectIsRefused() throws IOException {
        Files.writeString(project.resolve(ProjectCommit.JOURNAL),
                "{\"old\": \"hype_modules.old-1\", \"files\": {\"../../etc/passwd\": \"x.tmp\"}}");

        ProjectCommit.recover(project, FILES, ProjectCommit.TreeProof.ANY);

        assertThat(project.resolve(ProjectCommit.JOURNAL)).doesNotExist();
        assertThat(project.resolve("hype_modules/old-pkg")).isDirectory();
    }

    private void assertNew() throws IOException {
        assertThat(project.resolve("hype_modules/new-pkg/index.lua")).hasContent("new");
        assertThat(project.resolve("hype_modules/old-pkg")).doesNotExist();
        assertThat(project.resolve("hype-lock.json")).hasContent("new lock");
        assertThat(project.resolve("hype.json")).hasContent("new manifest");
    }

    private Path staging() throws IOException {
        Path staging = Files.createDirectories(project.resolve("hype_modules.staging-7/new-pkg")).getParent();
        Files.writeString(staging.resolve("new-pkg/index.lua"), "new");
        return staging;
    }

    private Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("hype-lock.json", bytes("new lock"));
        files.put("hype.json", bytes("new manifest"));
        return files;
    }

    private Path temp(String target, String content) throws IOException {
        Path temp = project.resolve("." + target + "." + content.length() + ".tmp");
        Files.writeString(temp, content);
        return temp;
    }

    private void journal(String tree, String old, Path lockTemp, Path manifestTemp) throws IOException {
        StringBuilder files = new StringBuilder("\"hype-lock.json\": \"" + lockTemp.getFileName() + "\"");
        if (manifestTemp != null) {
            files.append(", \"hype.json\": \"").append(manifestTemp.getFileName()).append('"');
        }
        Files.writeString(project.resolve(ProjectCommit.JOURNAL),
                "{\"tree\": \"" + tree + "\", \"old\": \"" + old + "\", \"files\": {" + files + "}}");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(project)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
