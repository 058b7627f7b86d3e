package dev.hype.pm.semver;

import java.util.Optional;
import java.util.regex.Matcher;

/** Find the first (or right-most) version-like run of digits in a string, as node-semver's coerce. */
final class Coercion {
    private Coercion() {
    }

    static Optional<Version> coerce(String text, boolean includePrerelease, boolean rightToLeft) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = (includePrerelease ? SemverGrammar.COERCE_FULL : SemverGrammar.COERCE).matcher(text);
        MatchResultView match = rightToLeft ? rightMost(m, text.length()) : (m.find() ? new MatchResultView(m) : null);
        if (match == null) {
            return Optional.empty();
        }
        String minor = match.group(3) == null ? "0" : match.group(3);
        String patch = match.group(4) == null ? "0" : match.group(4);
        String pre = includePrerelease && match.group(5) != null ? "-" + match.group(5) : "";
        String build = includePrerelease && match.group(6) != null ? "+" + match.group(6) : "";
        return Version.tryParse(match.group(2) + "." + minor + "." + patch + pre + build, false);
    }

    /** Walk overlapping matches and keep the right-most one that does not share an end with an earlier one. */
    private static MatchResultView rightMost(Matcher m, int length) {
        MatchResultView match = null;
        int from = 0;
        while (from <= length && m.find(from) && (match == null || match.end() != length)) {
            MatchResultView next = new MatchResultView(m);
            if (match == null || next.end() != match.end()) {
                match = next;
            }
            from = next.start() + next.group(1).length() + next.group(2).length();
        }
        return match;
    }

    /** Snapshot of a match, since a {@link Matcher} is reused between finds. */
    private record MatchResultView(int start, int end, String[] groups) {
        MatchResultView(Matcher m) {
            this(m.start(), m.end(), groupsOf(m));
        }

        String group(int i) {
            return i < groups.length ? groups[i] : null;
        }

        private static String[] groupsOf(Matcher m) {
            String[] g = new String[m.groupCount() + 1];
            for (int i = 0; i <= m.groupCount(); i++) {
                g[i] = m.group(i);
            }
            return g;
        }
    }
}
