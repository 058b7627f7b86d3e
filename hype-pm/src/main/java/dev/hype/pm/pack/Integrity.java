package dev.hype.pm.pack;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Hold one digest of a tarball: a subresource-integrity string such as {@code sha512-...}, or the
 * sha1 {@code shasum} older registries publish.
 *
 * <p>Comparisons run in constant time. Instances are immutable.
 */
public final class Integrity {

    /** A digest algorithm used by npm-protocol registries. */
    public enum Algorithm {
        /** SHA-512, the algorithm of {@code dist.integrity}. */
        SHA512("sha512", "SHA-512", 64),
        /** SHA-1, the algorithm of {@code dist.shasum}. */
        SHA1("sha1", "SHA-1", 20);

        private final String sriName;
        private final String jdkName;
        private final int length;

        Algorithm(String sriName, String jdkName, int length) {
            this.sriName = sriName;
            this.jdkName = jdkName;
            this.length = length;
        }

        /** Return the name used in SRI strings, e.g. {@code sha512}. */
        public String sriName() {
            return sriName;
        }

        /** One digest looked up by name, which later digests are cloned from (see {@link #newDigest}). */
        private volatile MessageDigest prototype;

        /**
         * Return a new digest: a clone of the first one looked up. A lookup by name goes through the security
         * providers each time, which cost more than hashing a small file in a JVM that has not warmed up (an install
         * hashes one {@code hype.json} per package).
         */
        MessageDigest newDigest() {
            MessageDigest first = prototype;
            if (first != null) {
                try {
                    return (MessageDigest) first.clone();
                } catch (CloneNotSupportedException e) {
                    // a provider whose digests cannot be cloned: look one up each time
                }
            }
            try {
                MessageDigest digest = MessageDigest.getInstance(jdkName);
                if (first == null) {
                    prototype = MessageDigest.getInstance(jdkName);
                }
                return digest;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks " + jdkName, e);
            }
        }
    }

    private final Algorithm algorithm;
    private final byte[] digest;

    private Integrity(Algorithm algorithm, byte[] digest) {
        this.algorithm = algorithm;
        this.digest = digest.clone();
    }

    /** Compute the sha512 integrity of {@code data}. */
    public static Integrity sha512(byte[] data) {
        return of(Algorithm.SHA512, data);
    }

    /** Compute the sha1 digest of {@code data} (the registry's {@code shasum}). */
    public static Integrity sha1(byte[] data) {
        return of(Algorithm.SHA1, data);
    }

    /** Compute the {@code algorithm} digest of {@code data}. */
    public static Integrity of(Algorithm algorithm, byte[] data) {
        return new Integrity(algorithm, algorithm.newDigest().digest(data));
    }

    /**
     * Parse an SRI string; when it lists several hashes (space-separated) keep the strongest one
     * this class supports.
     *
     * @throws PackException with code {@code E_INTEGRITY} when no supported, well-formed hash is
     *     present
     */
    public static Integrity parse(String sri) {
        Integrity best = null;
        for (String token : sri.trim().split("\\s+")) {
            Integrity candidate = parseOne(token);
            if (candidate != null && (best == null || candidate.algorithm.ordinal() < best.algorithm.ordinal())) {
                best = candidate;
            }
        }
        if (best == null) {
            throw new PackException(PackException.E_INTEGRITY,
                "unsupported or malformed integrity string '" + sri + "'",
                List.of("expected 'sha512-<base64>' or 'sha1-<base64>'"));
        }
        return best;
    }

    /**
     * Parse a hex sha1 {@code shasum}.
     *
     * @throws PackException with code {@code E_INTEGRITY} when it is not 40 hex digits
     */
    public static Integrity parseShasum(String hex) {
        String trimmed = hex.trim().toLowerCase(Locale.ROOT);
        if (trimmed.length() != Algorithm.SHA1.length * 2 || !trimmed.chars().allMatch(Integrity::isHexDigit)) {
            throw new PackException(PackException.E_INTEGRITY, "malformed shasum '" + hex + "'",
                List.of("expected 40 hexadecimal digits"));
        }
        return new Integrity(Algorithm.SHA1, HexFormat.of().parseHex(trimmed));
    }

    private static Integrity parseOne(String token) {
        int dash = token.indexOf('-');
        if (dash <= 0) {
            return null;
        }
        String name = token.substring(0, dash).toLowerCase(Locale.ROOT);
        String value = token.substring(dash + 1);
        int options = value.indexOf('?');
        if (options >= 0) {
            value = value.substring(0, options);
        }
        for (Algorithm algorithm : Algorithm.values()) {
            if (algorithm.sriName.equals(name)) {
                try {
                    byte[] bytes = Base64.getDecoder().decode(value);
                    return bytes.length == algorithm.length ? new Integrity(algorithm, bytes) : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** Return the algorithm of this digest. */
    public Algorithm algorithm() {
        return algorithm;
    }

    /** Return the digest as lowercase hex, the form of {@code dist.shasum}. */
    public String hex() {
        return HexFormat.of().formatHex(digest);
    }

    /** Return the SRI form, e.g. {@code sha512-<base64>}. */
    public String sri() {
        return algorithm.sriName + "-" + Base64.getEncoder().encodeToString(digest);
    }

    /** Tell whether {@code data} has this digest, comparing in constant time. */
    public boolean matches(byte[] data) {
        return MessageDigest.isEqual(digest, algorithm.newDigest().digest(data));
    }

    /**
     * Check that {@code data} has this digest.
     *
     * @param label names the data in the error, e.g. the tarball file name
     * @throws PackException with code {@code E_INTEGRITY} when it does not
     */
    public void verify(byte[] data, String label) {
        if (!matches(data)) {
            Integrity actual = of(algorithm, data);
            throw new PackException(PackException.E_INTEGRITY,
                "integrity check failed for " + label + ": expected " + describe() + ", got " + actual.describe(),
                List.of("the file was altered or truncated in transit or in storage; fetch it again"));
        }
    }

    private String describe() {
        return algorithm == Algorithm.SHA1 ? "sha1 " + hex() : sri();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Integrity that && algorithm == that.algorithm
            && MessageDigest.isEqual(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + java.util.Arrays.hashCode(digest);
    }

    /** Return the SRI form. */
    @Override
    public String toString() {
        return sri();
    }
}
