package dev.hype.pm.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.pm.lock.LockedPackage;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.semver.Version;
import dev.hype.runtime.permissions.PermissionSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PermissionApprovalsTest {
    private static final String SHA = "sha512-" + "A".repeat(86) + "==";
    private static final PermissionSpec NET = spec(List.of(), List.of("api.example.com"), false);
    private static final PermissionSpec NET_AND_RUN = spec(List.of(), List.of("api.example.com"), true);
    private static final PermissionSpec READ = spec(List.of("data/**"), List.of(), false);

    private static PermissionSpec spec(List<String> read, List<String> domains, boolean process) {
        return new PermissionSpec(read, List.of(), domains, List.of(), List.of(), process, List.of(), false);
    }

    private static Lockfile locked(String name, String version, PermissionSpec approved) {
        LockedPackage p = new LockedPackage(name, Version.parse(version), "file:/r/" + name + ".tgz", SHA, Map.of(),
                approved == null ? null : approved.toJson(), Map.of());
        return new Lockfile(Lockfile.VERSION, Map.of(), Map.of(name, p), Map.of());
    }

    private static List<PermissionRequest> pending(String version, PermissionSpec requested, Lockfile previous) {
        return PermissionApprovals.pending(PermissionApprovals.review(Map.of("net", Version.parse(version)),
                Map.of("net", requested), previous));
    }

    @Test
    void aPackageAskingNothingNeedsNoApproval() {
        assertThat(pending("1.0.0", PermissionSpec.NONE, null)).isEmpty();
        assertThat(pending("1.0.0", PermissionSpec.NONE, locked("net", "0.9.0", null))).isEmpty();
    }

    @Test
    void aRequestNeverApprovedIsNew() {
        List<PermissionRequest> pending = pending("1.0.0", NET, null);

        assertThat(pending).singleElement().satisfies(r -> {
            assertThat(r.heading()).isEqualTo("net@1.0.0 (new)");
            assertThat(r.lines()).containsExactly("net@1.0.0 (new)", "  connect to: api.example.com (default ports)");
        });
        assertThat(pending("1.0.0", NET, locked("net", "1.0.0", null))).extracting(PermissionRequest::heading)
                .containsExactly("net@1.0.0 (new)");
    }

    @Test
    void anApprovalCoversTheSameOrASmallerRequest() {
        assertThat(pending("1.0.0", NET, locked("net", "1.0.0", NET))).isEmpty();
        assertThat(pending("1.1.0", NET, locked("net", "1.0.0", NET))).isEmpty();
        assertThat(pending("1.1.0", NET, locked("net", "1.0.0", NET_AND_RUN))).isEmpty();
    }

    @Test
    void aRequestThatGrewShowsOnlyWhatIsNew() {
        List<PermissionRequest> pending = pending("2.0.0", NET_AND_RUN.plus(READ), locked("net", "1.0.0", NET));

        assertThat(pending).singleElement().satisfies(r -> {
            assertThat(r.added()).isEqualTo(spec(List.of("data/**"), List.of(), true));
            assertThat(r.lines()).containsExactly("net@2.0.0 (grew since the approved 1.0.0)",
                    "  read files: data/**", "  run programs");
        });
        assertThat(pending("1.0.0", NET_AND_RUN, locked("net", "1.0.0", NET))).extracting(PermissionRequest::heading)
                .containsExactly("net@1.0.0 (asks for more than approved)");
    }

    @Test
    void anEmptyApprovalIsAnApprovalOfNothing() {
        assertThat(pending("1.1.0", READ, locked("net", "1.0.0", PermissionSpec.NONE)))
                .extracting(PermissionRequest::heading).containsExactly("net@1.1.0 (grew since the approved 1.0.0)");
    }

    @Test
    void listEveryPendingPackageInNameOrder() {
        List<PermissionRequest> requests = PermissionApprovals.review(
                Map.of("zed", Version.parse("1.0.0"), "alpha", Version.parse("0.1.0"), "quiet", Version.parse("1.0.0")),
                Map.of("zed", READ, "alpha", NET), null);
        List<PermissionRequest> pending = PermissionApprovals.pending(requests);

        assertThat(requests).extracting(PermissionRequest::name).containsExactly("alpha", "quiet", "zed");
        assertThat(PermissionApprovals.asking(pending)).isEqualTo("2 packages ask");
        assertThat(PermissionApprovals.listing(pending)).isEqualTo(String.join("\n",
                "  alpha@0.1.0 (new)",
                "    connect to: api.example.com (default ports)",
                "  zed@1.0.0 (new)",
                "    read files: data/**"));
    }
}
