package dev.hype.runtime.builtins;

import dev.hype.runtime.permissions.Access;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Perform one {@code http.request}: send it, follow redirects by hand, and check every hop with
 * {@link Access#checkConnect} before a byte goes to its host.
 *
 * <p>Redirects are followed as browsers do: 303 (and 301 or 302 after a POST) turn into a GET
 * without a body; 307 and 308 repeat the method and body; credentials are dropped when the origin
 * changes. The timeout covers the whole call.
 */
final class HttpFetch {
    /** The most redirects one call follows. */
    static final int MAX_REDIRECTS = 20;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Headers that describe a body, dropped when a redirect drops the body (Fetch's request-body-header names). */
    private static final Set<String> BODY_HEADERS = Set.of("content-type", "content-encoding", "content-language",
            "content-location");
    /** Headers that carry credentials, dropped when a redirect leaves the origin. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");
    private static final String USER_AGENT = "hype";

    private final HttpClient client;
    private final Access access;

    HttpFetch(HttpClient client, Access access) {
        this.client = client;
        this.access = access;
    }

    /** Run {@code options}; {@code operation} names the call in permission errors ({@code http.get}). */
    HttpResult run(HttpOptions options, String operation) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        Hop hop = new Hop(options.method(), options.url(), options.headers(), options.body());
        for (int redirects = 0; ; redirects++) {
            HttpResponse<byte[]> response = send(hop, options, deadline, operation);
            Optional<String> location = response.headers().firstValue("location");
            if (!options.followRedirects() || !REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
                return HttpResult.of(response, redirects);
            }
            if (redirects == MAX_REDIRECTS) {
                throw new HttpError(HttpError.Code.ERR_TOO_MANY_REDIRECTS, "more than " + MAX_REDIRECTS,
                        hop.method(), hop.url());
            }
            hop = next(hop, response.statusCode(), location.get());
        }
    }

    /** Return the request a redirect with {@code status} to {@code location} leads to. */
    private static Hop next(Hop hop, int status, String location) {
        URI target;
        try {
            target = HttpUrl.resolve(hop.url(), location);
        } catch (IllegalArgumentException e) {
            throw new HttpError(HttpError.Code.ERR_INVALID_REDIRECT, e.getMessage(), hop.method(), hop.url());
        }
        String method = hop.method();
        byte[] body = hop.body();
        List<HttpOptions.Header> headers = hop.headers();
        boolean toGet = (status == 303 && !method.equals("HEAD"))
                || ((status == 301 || status == 302) && method.equals("POST"));
        if (toGet) {
            method = "GET";
            body = null;
            headers = without(headers, BODY_HEADERS);
        }
        if (!HttpUrl.sameOrigin(hop.url(), target)) {
            headers = without(headers, CREDENTIAL_HEADERS);
        }
        return new Hop(method, target, headers, body);
    }

    private HttpResponse<byte[]> send(Hop hop, HttpOptions options, long deadline, String operation) {
        URI url = hop.url();
        access.checkConnect(url.getHost(), HttpUrl.port(url), HttpUrl.defaultPort(url), operation);
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw HttpError.timedOut(options.timeout(), hop.method(), url);
        }
        CompletableFuture<HttpResponse<byte[]>> pending;
        try {
            pending = client.sendAsync(request(hop, remaining), bodyHandler(options.followRedirects()));
        } catch (IllegalArgumentException e) {
            // The options were checked; this is a refusal the checks did not foresee.
            throw new HttpError(HttpError.Code.EIO, e.getMessage(), hop.method(), url);
        }
        try {
            return pending.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw HttpError.timedOut(options.timeout(), hop.method(), url);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new HttpError(HttpError.Code.EINTR, "", hop.method(), url);
        } catch (ExecutionException e) {
            HttpError error = HttpError.of(e.getCause(), hop.method(), url);
            throw error.code() == HttpError.Code.ETIMEDOUT ? HttpError.timedOut(options.timeout(), hop.method(), url) : error;
        }
    }

    private static HttpRequest request(Hop hop, long remainingNanos) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(hop.url())
                .method(hop.method(), hop.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(hop.body()))
                .timeout(Duration.ofNanos(remainingNanos));
        if (HttpUrl.isPlain(hop.url())) {
            // Plain HTTP/2 (h2c) needs an upgrade few servers support; TLS negotiates HTTP/2 itself.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        hop.headers().forEach(header -> builder.header(header.name(), header.value()));
        if (hop.headers().stream().noneMatch(header -> header.named("user-agent"))) {
            builder.header("User-Agent", USER_AGENT);
        }
        return builder.build();
    }

    /** Read the body, except for a redirect about to be followed, whose body is discarded unread. */
    private static BodyHandler<byte[]> bodyHandler(boolean followRedirects) {
        return info -> followRedirects && REDIRECTS.contains(info.statusCode())
                && info.headers().firstValue("location").isPresent()
                ? BodySubscribers.replacing(new byte[0])
                : BodySubscribers.ofByteArray();
    }

    private static List<HttpOptions.Header> without(List<HttpOptions.Header> headers, Set<String> names) {
        return headers.stream().filter(header -> names.stream().noneMatch(header::named)).toList();
    }

    /** One request of the chain: the first, or where a redirect leads. */
    private record Hop(String method, URI url, List<HttpOptions.Header> headers, byte[] body) {
    }
}
