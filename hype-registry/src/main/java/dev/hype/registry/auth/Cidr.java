package dev.hype.registry.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address range in CIDR notation: {@code 192.168.0.0/16}, {@code fd00::/8}, or one address. */
record Cidr(byte[] network, int prefix) {
    /** Literal addresses only: digits, hex digits, dots and colons, so parsing never asks DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    /**
     * Parse {@code text}; an address without {@code /N} is a range of that one address.
     *
     * @throws AuthException {@code E_INVALID_CIDR}
     */
    static Cidr parse(String text) {
        String value = text == null ? "" : text.trim();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        if (address.isEmpty() || !LITERAL.matcher(address).matches()
            || (address.indexOf(':') < 0 && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            throw invalid(text, "not an IP address");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw invalid(text, "not an IP address");
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = value.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw invalid(text, "the prefix length must be 0 to " + bits);
            }
            prefix = Integer.parseInt(length);
        }
        return new Cidr(mask(bytes, prefix), prefix);
    }

    /** Return whether {@code address} is in the range (an IPv4 address is never in an IPv6 range, or back). */
    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.clamp(prefix - i * 8L, 0, 8);
            masked[i] &= (byte) (0xFF << (8 - keep));
        }
        return masked;
    }

    private static AuthException invalid(String text, String why) {
        return new AuthException(AuthException.E_INVALID_CIDR, "'" + text + "' is not a CIDR range: " + why,
            List.of("write an address with an optional prefix length, such as 10.0.0.0/8, 192.168.1.7 or fd00::/8"),
            null);
    }
}
