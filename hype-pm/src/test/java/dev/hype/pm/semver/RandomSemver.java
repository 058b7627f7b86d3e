package dev.hype.pm.semver;

import java.util.Random;

/** Generate random versions and ranges rich in the corner cases of npm's grammar. */
final class RandomSemver {
    private static final String[] PRE = {"alpha", "beta", "0", "1", "2", "rc.1", "alpha.1", "beta.2", "1a", "x", "01",
        "-", "a-b", "0.0"};
    private static final String[] OPS = {"", "=", "<", "<=", ">", ">=", "^", "~", "~>", "v", "= ", "> ", "<= ", "=v",
        "^ ", "~ ", ">=v", "<\t", "==", "~>=", "*", ">=\u00a0", "~\u2003"};
    private static final String[] ODD = {"1.2.3beta", "01.2.3", "1.02.3-01", "v=1.2.3", "1.2.3-beta+b.1", "1.2.3+b",
        "=1.2", "1.2.3.4", " 1.2.3 ", "1.2.3-pre.01", "x.1.2", "1.x.2", "1.2.x-pre", "1.*.3", "2.x.x-beta"};
    private final Random random;

    RandomSemver(long seed) {
        random = new Random(seed);
    }

    String version() {
        if (random.nextInt(12) == 0) {
            return ODD[random.nextInt(ODD.length)];
        }
        String v = n() + "." + n() + "." + n();
        if (random.nextInt(3) == 0) {
            v += "-" + PRE[random.nextInt(PRE.length)];
        }
        if (random.nextInt(10) == 0) {
            v += "+build." + random.nextInt(9);
        }
        return random.nextInt(25) == 0 ? "v" + v : v;
    }

    String partial() {
        String x = random.nextBoolean() ? "x" : random.nextBoolean() ? "*" : "X";
        return switch (random.nextInt(8)) {
            case 0 -> Integer.toString(n());
            case 1 -> n() + "." + n();
            case 2 -> n() + "." + x;
            case 3 -> n() + "." + n() + "." + x;
            case 4 -> x;
            case 5 -> x + "." + n();
            case 6 -> random.nextInt(3) == 0 ? ODD[random.nextInt(ODD.length)] : version();
            default -> version();
        };
    }

    String comparator() {
        return OPS[random.nextInt(OPS.length)] + partial();
    }

    String set() {
        return switch (random.nextInt(6)) {
            case 0 -> partial() + " - " + partial();
            case 1 -> comparator() + " " + comparator();
            case 2 -> comparator() + "  " + comparator() + " " + comparator();
            case 3 -> random.nextBoolean() ? "" : "*";
            default -> comparator();
        };
    }

    String range() {
        String r = set();
        while (random.nextInt(4) == 0) {
            r += random.nextBoolean() ? " || " : "||" + set();
            r += set();
        }
        if (random.nextInt(40) == 0) {
            r = r + " garbage";
        }
        return random.nextInt(20) == 0 ? "  " + r + " " : r;
    }

    boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    private int n() {
        return random.nextInt(10) == 0 ? random.nextInt(12) : random.nextInt(3);
    }
}
