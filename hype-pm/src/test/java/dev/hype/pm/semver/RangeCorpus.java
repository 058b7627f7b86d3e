package dev.hype.pm.semver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generate ranges around the shapes {@link RangeShortcut} reads: every operator (and near misses) before partial and
 * full versions made of small, large, too large, zero-padded and wildcard parts, with and without a {@code v},
 * prereleases and build metadata, then pairs of them joined by the separators node-semver knows and does not.
 */
final class RangeCorpus {
    private static final String[] OPS = {"", "=", "^", "~", "~>", "<", "<=", ">", ">=", "v", "=v", ">=v", "<v", "^v",
        "~v", "==", "=>", "~=", "^=", ">==", "~>=", "> ", "^ ", "V", "vv"};
    private static final String[] PARTS = {"0", "1", "10", "x", "*", "999999999999999", "1000000000000000", "01", ""};
    private static final String[] FIRST = {"2", "X", "9007199254740991", "00"};
    private static final String[] PRE = {"", "-0", "-alpha", "-beta.1", "-rc.01", "-1a", "--", "-a-b", "-0.0", "-x",
        "-01", "-", "-a..b", "-999999999999999", "-9007199254740992", "alpha", "-alpha+b.1", "+build", "-ä"};
    private static final String[] JOINS = {" ", "  ", "\t", "||", " || ", " - ", "\u00a0", ""};

    private RangeCorpus() {
    }

    /** Return single comparators of every operator and version shape, then {@code pairs} random pairs of them. */
    static List<String> ranges(int pairs, long seed) {
        Set<String> out = new LinkedHashSet<>(List.of("", "*", "x", " ^1.0.0", "^1.0.0 ", "^1.0.0  <2", "1.2.3 1.2.3",
                ">=0.0.0", ">=0.0.0-0", ">=v0.0.0", ">=v0.0.0-0", "<0.0.0-0", ">*", "<*", ">=*", "<=*", "=*",
                "^0.0.0", "^0.0", "^0", "~0", "~0.0", "^0.0.1", "~0.0.1", ">=1.0.0 <1.0.0", "1.x >=1.0.0",
                "^9007199254740991.0.0", "~999999999999999.999999999999999.1", ">999999999999999.x", "<=999999999999999",
                "1.2.3 garbage", "1.2.3 ||", "^1.2.3 *", "* ^1.2.3", "0.x 1.x"));
        List<String> versions = versions();
        for (String op : OPS) {
            for (String v : versions) {
                out.add(op + v);
            }
        }
        List<String> singles = new ArrayList<>(out);
        Random random = new Random(seed);
        for (int i = 0; i < pairs; i++) {
            String a = singles.get(random.nextInt(singles.size()));
            String b = singles.get(random.nextInt(singles.size()));
            String join = random.nextInt(3) == 0 ? JOINS[random.nextInt(JOINS.length)] : " ";
            out.add(a + join + b + (random.nextInt(8) == 0 ? " " + singles.get(random.nextInt(singles.size())) : ""));
        }
        return List.copyOf(out);
    }

    private static List<String> versions() {
        List<String> versions = new ArrayList<>();
        for (String a : PARTS) {
            versions.add(a);
            for (String b : PARTS) {
                versions.add(a + "." + b);
                for (String c : PARTS) {
                    versions.add(a + "." + b + "." + c);
                }
            }
        }
        for (String a : FIRST) {
            versions.add(a);
            versions.add(a + ".1");
            versions.add(a + ".x.0");
            versions.add("1." + a + ".0");
            versions.add("0.1." + a);
        }
        for (String base : List.of("1.2.3", "0.0.0", "0.1.2", "1.2.x", "10.0.0")) {
            for (String pre : PRE) {
                versions.add(base + pre);
            }
        }
        return versions;
    }

    /** Return versions on and around the bounds the corpus' ranges produce, as text. */
    static List<String> probes() {
        return List.of("0.0.0", "0.0.0-0", "0.0.1-0", "0.0.1", "0.1.0-0", "0.1.0", "0.1.2", "1.0.0-0", "1.0.0-alpha",
                "1.0.0", "1.2.3-0", "1.2.3-alpha", "1.2.3-beta.1", "1.2.3", "1.2.4", "1.3.0-0", "1.3.0", "2.0.0-0",
                "2.0.0", "10.0.0-x", "10.0.0", "11.0.0", "999999999999999.0.0", "1000000000000000.0.0",
                "9007199254740991.0.0");
    }
}
