package dev.hype.pm.semver;

import java.util.Random;

/** Generate random versions and ranges rich in the corner cases of npm's grammar. */
final class RandomSemver {
    private static final String[] PRE = {"alpha", "beta", "0", "1", "2", "rc.1", "alpha.1", "beta.2", "1a", "x"};
    private static final String[] OPS = {"", "=", "<", "<=", ">", ">=", "^", "~", "~>", "v", "= ", "> ", "<= "};
    private final Random random;

    RandomSemver(long seed) {
        random = new Random(seed);
    }

    String version() {
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
