package dev.hype.pm.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.pm.store.FileTarballFetcher;
import dev.hype.pm.store.LocalPackages;
import dev.hype.pm.store.PackageRef;
import dev.hype.pm.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallPlannerTest {
    @TempDir
    Path temp;

    @Test
    void planFetchLinkKeepAndRemove() throws IOException {
        LocalPackages packages = new LocalPackages(temp.resolve("repo"))
                .add("kept", "1.0.0").add("changed", "1.0.0").add("changed", "2.0.0").add("cached", "1.0.0")
                .add("fresh", "1.0.0").add("@s/gone", "1.0.0");
        Store store = Store.at(temp.resolve("store"));
        Path project = temp.resolve("app");
        Files.createDirectories(project);
        install(store, project, List.of(packages.ref("kept", "1.0.0"), packages.ref("changed", "1.0.0"),
                packages.ref("@s/gone", "1.0.0")));
        store.ensure(packages.ref("cached", "1.0.0"), new FileTarballFetcher());

        InstallPlan plan = new InstallPlanner(store).plan(List.of(packages.ref("kept", "1.0.0"),
                packages.ref("changed", "2.0.0"), packages.ref("cached", "1.0.0"), packages.ref("fresh", "1.0.0")),
                project.resolve("hype_modules"));

        assertThat(plan.keep()).extracting(PackageRef::name).containsExactly("kept");
        assertThat(plan.link()).extracting(PackageRef::name).containsExactly("changed", "cached", "fresh");
        assertThat(plan.fetch()).extracting(PackageRef::name).containsExactly("changed", "fresh");
        assertThat(plan.remove()).containsExactly("@s/gone");
        assertThat(plan.added()).containsExactly("cached", "fresh");
        assertThat(plan.changed()).containsExactly("changed");
    }

    @Test
    void swapTheNewTreeInAndDropTheOld() throws IOException {
        LocalPackages packages = new LocalPackages(temp.resolve("repo")).add("a", "1.0.0").add("b", "1.0.0");
        Store store = Store.at(temp.resolve("store"));
        Path project = temp.resolve("app");
        Files.createDirectories(project);
        install(store, project, List.of(packages.ref("a", "1.0.0")));
        Path marker = project.resolve("hype_modules/a/.hype-install.json");
        Object before = Files.getAttribute(project.resolve("hype_modules"), "unix:ino");

        install(store, project, List.of(packages.ref("a", "1.0.0"), packages.ref("b", "1.0.0")));

        assertThat(Files.getAttribute(project.resolve("hype_modules"), "unix:ino")).isNotEqualTo(before);
        assertThat(marker).exists();
        assertThat(InstalledTree.scan(project.resolve("hype_modules"))).containsOnlyKeys("a", "b");
        try (var files = Files.list(project)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("hype_modules");
        }
    }

    @Test
    void neverResurrectAnOldTreeWithoutAJournal() throws IOException {
        Path project = temp.resolve("app");
        Files.createDirectories(project.resolve("hype_modules.old-123/a"));
        Files.createDirectories(project.resolve("hype_modules.staging-456/b"));
        Files.writeString(project.resolve(".hype-lock.json.789.tmp"), "{}");

        ProjectCommit.Recovery recovery = ProjectCommit.recover(project, Set.of("hype-lock.json"),
                ProjectCommit.TreeProof.ANY);

        assertThat(recovery.removed()).isEqualTo(3);
        assertThat(recovery.finished()).isFalse();
        try (var files = Files.list(project)) {
            assertThat(files).isEmpty();
        }
    }

    private static void install(Store store, Path project, List<PackageRef> refs) {
        InstallPlan plan = new InstallPlanner(store).plan(refs, project.resolve("hype_modules"));
        Map<String, Path> dirs = new java.util.HashMap<>();
        plan.link().forEach(ref -> dirs.put(ref.name(), store.ensure(ref, new FileTarballFetcher())));
        try {
            ProjectCommit.apply(project, new Installer(store).stage(project, plan, dirs, Reporter.SILENT), Map.of());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
