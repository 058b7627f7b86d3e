package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hype.pm.install.PermissionApprover;
import dev.hype.pm.install.PermissionRequest;
import dev.hype.pm.install.Reporter;
import dev.hype.pm.install.RequestedPermissions;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.lock.LockfileReader;
import dev.hype.pm.store.CountingFetcher;
import dev.hype.runtime.HypeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Install packages that ask for permissions: refused, approved, and approved again when a request grows. */
class InstallPermissionsTest {
    @TempDir
    java.nio.file.Path temp;

    private Project project;

    private void add(String name, String version, String permissions) {
        String manifest = "{\"name\": \"" + name + "\", \"version\": \"" + version + "\""
                + (permissions == null ? "" : ", \"permissions\": " + permissions) + "}";
        project.packages.add(name, version, Map.of("hype.json", manifest, "index.lua", "return {}\n"));
    }

    @BeforeEach
    void packages() {
        project = new Project(temp);
        add("net", "1.0.0", "{\"network\": {\"domains\": [\"api.example.com\"]}}");
        add("plain", "1.0.0", null);
        project.manifest("{\"name\": \"app\", \"dependencies\": {\"net\": \"^1.0.0\", \"plain\": \"^1.0.0\"}}");
    }

    private InstallResult install(PermissionApprover approver) {
        return InstallOperation.run(project.options(new CountingFetcher()).approving(approver), Reporter.SILENT);
    }

    private Lockfile lock() {
        return LockfileReader.read(project.dir.resolve(Lockfile.FILE_NAME));
    }

    @Test
    void refuseUnapprovedPermissionsBeforeChangingAnything() {
        Map<String, String> before = project.snapshot();

        OperationException e = catchThrowableOfType(OperationException.class, () -> install(PermissionApprover.REFUSE));

        assertThat(e.code()).isEqualTo("E_PERMISSIONS_NOT_APPROVED");
        assertThat(e.getMessage()).isEqualTo("""
                1 package asks for permissions that are not approved:
                  net@1.0.0 (new)
                    connect to: api.example.com (default ports)""");
        assertThat(e.hints()).containsExactly("rerun with --allow-permissions to approve them, or review them with "
                + "'hype pkg info <name>'");
        assertThat(project.snapshot()).isEqualTo(before);
    }

    @Test
    void recordExactlyWhatWasApprovedAndAskOnce() {
        List<List<PermissionRequest>> asked = new ArrayList<>();

        InstallResult result = install(pending -> asked.add(pending));

        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).extracting(PermissionRequest::name)
                .containsExactly("net");
        assertThat(result.approved()).extracting(PermissionRequest::name).containsExactly("net");
        assertThat(lock().packages().get("net").permissions().toString())
                .isEqualTo("{\"network\":{\"domains\":[\"api.example.com\"]}}");
        assertThat(lock().packages().get("plain").permissions().toString()).isEqualTo("{}");
        assertThat(project.read("hype-lock.json")).contains("\"permissions\": {}");

        InstallResult again = install(PermissionApprover.REFUSE);
        assertThat(again.approved()).isEmpty();
        assertThat(again.lockfileChanged()).isFalse();
    }

    @Test
    void aPackageAskingNothingNeedsNoApproval() {
        project.manifest("{\"name\": \"app\", \"dependencies\": {\"plain\": \"^1.0.0\"}}");

        InstallResult result = install(PermissionApprover.REFUSE);

        assertThat(result.added()).containsExactly("plain");
        assertThat(result.approved()).isEmpty();
    }

    @Test
    void anUpdateWhoseRequestGrewWaitsForApprovalAndOneThatShrankShrinksTheApproval() {
        install(PermissionApprover.ALLOW_ALL);
        add("net", "1.1.0", "{\"network\": {\"domains\": [\"api.example.com\"]}, \"process\": true}");
        Map<String, String> before = project.snapshot();
        UpdateOptions update = new UpdateOptions(List.of("net"), false, null, project.options(new CountingFetcher()));

        OperationException e = catchThrowableOfType(OperationException.class,
                () -> UpdateOperation.run(update, Reporter.SILENT));

        assertThat(e.getMessage()).endsWith("  net@1.1.0 (grew since the approved 1.0.0)\n    run programs");
        assertThat(project.snapshot()).isEqualTo(before);

        UpdateResult approved = UpdateOperation.run(new UpdateOptions(List.of("net"), false, null,
                update.install().approving(PermissionApprover.ALLOW_ALL)), Reporter.SILENT);
        assertThat(approved.install().approved()).extracting(PermissionRequest::heading)
                .containsExactly("net@1.1.0 (grew since the approved 1.0.0)");
        assertThat(lock().packages().get("net").approvedPermissions().process()).isTrue();

        add("net", "1.2.0", "{\"network\": {\"domains\": [\"api.example.com\"]}}");
        UpdateOperation.run(new UpdateOptions(List.of("net"), false, null, project.options(new CountingFetcher())),
                Reporter.SILENT);
        assertThat(lock().packages().get("net").version().toString()).isEqualTo("1.2.0");
        assertThat(lock().packages().get("net").permissions().toString())
                .isEqualTo("{\"network\":{\"domains\":[\"api.example.com\"]}}");
    }

    @Test
    void frozenRefusesAnApprovalTheLockfileLacks() {
        install(PermissionApprover.ALLOW_ALL);
        String text = project.read("hype-lock.json").replace(
                "\"permissions\": {\n        \"network\": {\n          \"domains\": [\n            \"api.example.com\"\n"
                        + "          ]\n        }\n      },", "");
        assertThat(text).doesNotContain("api.example.com");
        writeLock(text);

        OperationException e = catchThrowableOfType(OperationException.class, () -> InstallOperation.run(
                project.options(new CountingFetcher()).with(true, false, false).approving(PermissionApprover.ALLOW_ALL),
                Reporter.SILENT));

        assertThat(e.code()).isEqualTo("E_PERMISSIONS_NOT_APPROVED");
        assertThat(e.getMessage()).startsWith("--frozen: 1 package asks for permissions hype-lock.json does not approve:");
        assertThat(project.read("hype-lock.json")).isEqualTo(text);
    }

    @Test
    void frozenLeavesALockfileWithoutApprovalSlotsAlone() {
        project.manifest("{\"name\": \"app\", \"dependencies\": {\"plain\": \"^1.0.0\"}}");
        install(PermissionApprover.REFUSE);
        String text = project.read("hype-lock.json").replace("      \"permissions\": {},\n", "");
        writeLock(text);

        InstallResult result = InstallOperation.run(project.options(new CountingFetcher()).with(true, false, false),
                Reporter.SILENT);

        assertThat(result.lockfileChanged()).isFalse();
        assertThat(project.read("hype-lock.json")).isEqualTo(text);
        assertThat(InstallOperation.run(project.options(new CountingFetcher()).unlocking(Set.of()), Reporter.SILENT)
                .lockfileChanged()).isTrue();
    }

    @Test
    void checkReportsAnInstalledPackageAskingForMoreThanApproved() throws java.io.IOException {
        install(PermissionApprover.ALLOW_ALL);
        assertThat(CheckOperation.run(new CheckOptions(project.dir, project.store)).ok()).isTrue();
        java.nio.file.Path manifest = project.dir.resolve("hype_modules/net/hype.json");
        String text = java.nio.file.Files.readString(manifest);
        java.nio.file.Files.delete(manifest);
        java.nio.file.Files.writeString(manifest, text.replace("\"permissions\": {", "\"permissions\": {\"env\": [\"TOKEN\"], "));

        CheckResult result = CheckOperation.run(new CheckOptions(project.dir, project.store));

        assertThat(result.problems()).extracting(CheckProblem::kind).containsExactly(CheckProblem.Kind.MODIFIED_FILE,
                CheckProblem.Kind.PERMISSIONS);
        assertThat(result.problems().get(1).toString()).isEqualTo("net: asks for permissions hype-lock.json does not "
                + "approve (read environment variables: TOKEN); run 'hype pkg install' to review them");
    }

    private void writeLock(String text) {
        try {
            java.nio.file.Files.writeString(project.dir.resolve("hype-lock.json"), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPackageCannotAskToRunUnrestricted() {
        add("greedy", "1.0.0", "{\"unrestricted\": true}");
        project.manifest("{\"name\": \"app\", \"dependencies\": {\"greedy\": \"^1.0.0\"}}");

        HypeException e = catchThrowableOfType(HypeException.class, () -> install(pending -> true));

        assertThat(e.code()).isEqualTo(RequestedPermissions.BAD_PERMISSIONS);
        assertThat(e.getMessage()).isEqualTo("greedy@1.0.0: hype.json: permissions.unrestricted is not a permission a"
                + " package can ask for");
        assertThat(project.dir.resolve("hype_modules")).doesNotExist();
    }
}
