package dev.hype.pm.semver;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/** Compute node-semver's {@code inc} on a mutable copy of a version. */
final class Increment {
    private long major;
    private long minor;
    private long patch;
    private List<String> prerelease;

    private Increment(Version v) {
        major = v.major();
        minor = v.minor();
        patch = v.patch();
        prerelease = new ArrayList<>(v.prerelease());
    }

    static Version apply(Version version, ReleaseType release, String preid) {
        String id = preid == null || preid.isEmpty() ? null : preid;
        if (release.label().startsWith("pre") && id != null) {
            Matcher m = SemverGrammar.PRERELEASE_ONLY.matcher("-" + id);
            if (!m.matches() || !id.equals(m.group(1))) {
                throw new SemverException(SemverException.INVALID_INCREMENT, "invalid identifier: " + id);
            }
        }
        Increment inc = new Increment(version);
        inc.step(release, id);
        return new Version(inc.major, inc.minor, inc.patch, inc.prerelease, List.of());
    }

    private void step(ReleaseType release, String id) {
        switch (release) {
            case PREMAJOR -> {
                prerelease.clear();
                patch = 0;
                minor = 0;
                major++;
                pre(id);
            }
            case PREMINOR -> {
                prerelease.clear();
                patch = 0;
                minor++;
                pre(id);
            }
            case PREPATCH -> {
                prerelease.clear();
                step(ReleaseType.PATCH, id);
                pre(id);
            }
            case PRERELEASE -> {
                if (prerelease.isEmpty()) {
                    step(ReleaseType.PATCH, id);
                }
                pre(id);
            }
            case RELEASE -> {
                if (prerelease.isEmpty()) {
                    throw new SemverException(SemverException.INVALID_INCREMENT,
                            "version " + major + "." + minor + "." + patch + " is not a prerelease");
                }
                prerelease.clear();
            }
            case MAJOR -> {
                if (minor != 0 || patch != 0 || prerelease.isEmpty()) {
                    major++;
                }
                minor = 0;
                patch = 0;
                prerelease.clear();
            }
            case MINOR -> {
                if (patch != 0 || prerelease.isEmpty()) {
                    minor++;
                }
                patch = 0;
                prerelease.clear();
            }
            case PATCH -> {
                if (prerelease.isEmpty()) {
                    patch++;
                }
                prerelease.clear();
            }
        }
    }

    /** Bump the last numeric prerelease identifier, or start or switch to {@code id.0}. */
    private void pre(String id) {
        if (prerelease.isEmpty()) {
            prerelease.add("0");
        } else {
            boolean bumped = false;
            for (int i = prerelease.size() - 1; i >= 0; i--) {
                if (Version.isSafeNumber(prerelease.get(i))) {
                    prerelease.set(i, new BigInteger(prerelease.get(i)).add(BigInteger.ONE).toString());
                    bumped = true;
                    break;
                }
            }
            if (!bumped) {
                prerelease.add("0");
            }
        }
        if (id == null) {
            return;
        }
        List<String> fresh = new ArrayList<>(Arrays.asList(id.split("\\.", -1)));
        fresh.add("0");
        String[] parts = id.split("\\.", -1);
        if (startsWith(parts)) {
            boolean baseIsNumber = parts.length < prerelease.size() && Version.isNumeric(prerelease.get(parts.length));
            if (!baseIsNumber) {
                prerelease = fresh;
            }
        } else {
            prerelease = fresh;
        }
    }

    private boolean startsWith(String[] parts) {
        if (parts.length > prerelease.size()) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (Version.compareIdentifiers(prerelease.get(i), parts[i]) != 0) {
                return false;
            }
        }
        return true;
    }
}
