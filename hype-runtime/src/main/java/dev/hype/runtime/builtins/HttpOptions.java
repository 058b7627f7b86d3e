package dev.hype.runtime.builtins;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Describe one call of {@code http.request} or {@code http.get}, checked.
 *
 * @param method the method, upper-case
 * @param url the URL to fetch first (see {@link HttpUrl})
 * @param headers the request headers, in the order given
 * @param body the request body, or null for none
 * @param timeout how long the whole call, redirects and body included, may take
 * @param followRedirects whether 3xx answers are followed ({@code redirect = "follow"}) or returned
 */
record HttpOptions(String method, URI url, List<Header> headers, byte[] body, Duration timeout,
                   boolean followRedirects) {
    /** The timeout when none is given. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Copy the headers. */
    HttpOptions {
        headers = List.copyOf(headers);
    }

    /** One request header. */
    record Header(String name, String value) {
        /** Return whether this header is called {@code other}, ignoring case. */
        boolean named(String other) {
            return name.equalsIgnoreCase(other);
        }
    }
}
