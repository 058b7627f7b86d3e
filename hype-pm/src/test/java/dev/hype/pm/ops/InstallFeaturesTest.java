package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.install.Reporter;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.lock.LockfileReader;
import dev.hype.pm.lock.LockfileWriter;
import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.resolve.FeatureSelection;
import dev.hype.pm.store.CountingFetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Install with features: what the lockfile records, what later installs keep, and what --frozen refuses. */
class InstallFeaturesTest {
    @TempDir
    Path temp;
    Project project;

    @BeforeEach
    void packages() {
        project = new Project(temp);
        project.packages.add("fmt", "1.0.0").add("log", "1.0.0", Map.of("hype.json", """
                {"name": "log", "version": "1.0.0", "optionalDependencies": {"fmt": "^1.0.0"},
                 "features": {"default": ["color"], "color": [], "pretty": ["fmt"]}}
                """, "index.lua", "return {}\n"));
        project.manifest("""
                {"name": "app", "version": "1.0.0",
                 "dependencies": {"log": {"version": "^1.0.0", "default-features": false}},
                 "features": {"fancy": ["log/pretty"]}}
                """);
    }

    private InstallResult install(FeatureSelection features, boolean frozen) {
        InstallOptions base = project.options(new CountingFetcher()).with(frozen, false, false);
        return InstallOperation.run(new InstallOptions(base.projectDirectory(), base.sources(), base.storeRoot(),
                List.of(), DependencyKind.RUNTIME, false, frozen, false, false, features, Set.of(), base.approver()),
                Reporter.SILENT);
    }

    private Lockfile lock() {
        return LockfileReader.read(project.dir.resolve(Lockfile.FILE_NAME));
    }

    @Test
    void recordFeaturesAndKeepThemWhenNoneAreChosen() {
        install(FeatureSelection.of(List.of("fancy")), false);
        assertThat(lock().rootFeatures()).containsExactly("fancy");
        assertThat(lock().packages().get("log").features()).isEqualTo(Map.of("fmt", List.of("log/pretty"),
                "pretty", List.of("app")));
        assertThat(project.dir.resolve("hype_modules/fmt")).exists();
        assertThat(lock().rootRequests()).isEqualTo(Map.of("log",
                dev.hype.pm.resolve.FeatureRequest.of(List.of("pretty"), false)));

        InstallResult again = install(FeatureSelection.LOCKED, false);
        assertThat(again.lockfileChanged()).isFalse();
        assertThat(again.removed()).isEmpty();

        install(FeatureSelection.DEFAULT, false);
        assertThat(lock().rootFeatures()).isEmpty();
        assertThat(lock().packages().get("log").features()).isEmpty();
        assertThat(project.dir.resolve("hype_modules/fmt")).doesNotExist();
    }

    @Test
    void frozenRefusesOtherFeaturesAndNamesThem() {
        install(FeatureSelection.DEFAULT, false);
        assertThatThrownBy(() -> install(FeatureSelection.of(List.of("fancy")), true))
                .isInstanceOf(OperationException.class)
                .hasMessageContaining("log is locked with no features (default ones off) but is now asked for with "
                        + "features [pretty] (default ones off)")
                .hasMessageContaining("app is locked with features [] but now enables [fancy]");
        assertThat(lock().rootFeatures()).isEmpty();
        assertThat(project.dir.resolve("hype_modules/fmt")).doesNotExist();
    }

    @Test
    void reResolveALockfileThatRecordsNoFeaturesKeepingItsVersions() throws Exception {
        install(FeatureSelection.DEFAULT, false);
        Lockfile recorded = lock();
        LockfileWriter.write(project.dir.resolve(Lockfile.FILE_NAME),
                new Lockfile(recorded.lockfileVersion(), recorded.root(), recorded.packages(), recorded.extras()));
        assertThat(Files.readString(project.dir.resolve(Lockfile.FILE_NAME))).doesNotContain("\"features\"");
        assertThatThrownBy(() -> install(FeatureSelection.LOCKED, true)).isInstanceOf(OperationException.class);

        InstallResult result = install(FeatureSelection.LOCKED, false);
        assertThat(result.lockfileChanged()).isTrue();
        assertThat(result.added()).isEmpty();
        assertThat(lock().rootFeatures()).isEmpty();
    }
}
