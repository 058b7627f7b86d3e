package dev.hype.registry.auth;

import java.net.InetAddress;
import java.util.List;

/**
 * What a token may do beyond proving who its user is, as npm's tokens have it: a read-only token reads (and, in a
 * private registry, installs) but never publishes or changes anything; a token with CIDR ranges is accepted only from
 * an address inside one of them.
 *
 * @param readOnly whether the token may only read
 * @param cidrs the ranges (such as {@code 10.0.0.0/8} or {@code ::1/128}) it may be used from; empty for anywhere
 */
public record TokenLimits(boolean readOnly, List<String> cidrs) {
    /** No limits: a token as {@code hype registry token create} makes it by default. */
    public static final TokenLimits NONE = new TokenLimits(false, List.of());

    /**
     * Check the ranges.
     *
     * @throws AuthException {@code E_INVALID_CIDR} naming the first range that is not an address with an optional
     *     prefix length
     */
    public TokenLimits {
        cidrs = List.copyOf(cidrs);
        cidrs.forEach(Cidr::parse);
    }

    /** Return whether a request from {@code address} may use the token. */
    public boolean allows(InetAddress address) {
        return cidrs.isEmpty() || cidrs.stream().anyMatch(c -> Cidr.parse(c).contains(address));
    }

    /** Return whether these are no limits at all. */
    public boolean isNone() {
        return !readOnly && cidrs.isEmpty();
    }
}
