package dev.hype.runtime.builtins;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Check the URLs {@code http} may fetch: absolute {@code http} or {@code https} URLs with a host
 * and no credentials. The fragment is dropped (it is never sent) and an empty path becomes
 * {@code /}. Failures are {@link IllegalArgumentException}s whose message is the reason.
 */
final class HttpUrl {
    private HttpUrl() {
    }

    /** Return {@code text} as a URL to fetch. */
    static URI parse(String text) {
        return check(syntax(text, "URL"), text);
    }

    /** Return where a redirect's {@code Location} leads, resolved against the URL that answered. */
    static URI resolve(URI base, String location) {
        return check(base.resolve(syntax(location, "Location")), location);
    }

    /** Return the scheme's default port: 80 for http, 443 for https. */
    static int defaultPort(URI url) {
        return url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** Return the port a connection to {@code url} uses. */
    static int port(URI url) {
        return url.getPort() == -1 ? defaultPort(url) : url.getPort();
    }

    /** Return whether two URLs share scheme, host and port. */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    /** Return whether plain {@code http} (not TLS) reaches {@code url}. */
    static boolean isPlain(URI url) {
        return url.getScheme().equalsIgnoreCase("http");
    }

    private static URI syntax(String text, String what) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            String reason = e.getReason();
            reason = reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
            throw new IllegalArgumentException("invalid " + what + " '" + text + "': " + reason
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
    }

    private static URI check(URI url, String text) {
        if (url.getScheme() == null) {
            throw new IllegalArgumentException("invalid URL '" + text + "': no scheme, expected http:// or https://");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("unsupported scheme '" + url.getScheme() + "' in '" + text
                    + "': expected http or https");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("invalid URL '" + text + "': no host");
        }
        if (url.getPort() == 0 || url.getPort() > 65535) {
            throw new IllegalArgumentException("invalid URL '" + text + "': port out of range");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("credentials in URL '" + text
                    + "' are not supported: send an Authorization header instead");
        }
        if (url.getRawFragment() == null && !url.getRawPath().isEmpty()) {
            return url;
        }
        String path = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return URI.create(url.getScheme() + "://" + Objects.requireNonNull(url.getRawAuthority()) + path + query);
    }
}
