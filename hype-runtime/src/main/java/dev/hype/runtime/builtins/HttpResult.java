package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.LuaStack;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hold what {@code http.request} returns: the final answer, the URL that gave it and how many
 * redirects led there.
 *
 * @param status the status code; a 404 or a 500 is a result, not an error
 * @param headers the response headers by lower-case name, each with its values in order
 * @param body the body's bytes
 * @param url the URL that gave this answer, after redirects
 * @param redirects how many redirects were followed
 */
record HttpResult(int status, Map<String, List<String>> headers, byte[] body, URI url, int redirects) {
    /** The header whose values stay a list, as Node keeps them: they may contain commas. */
    static final String SET_COOKIE = "set-cookie";

    /** Copy the headers. */
    HttpResult {
        headers = Map.copyOf(headers);
    }

    /** Return the result for {@code response}, reached after {@code redirects} redirects. */
    static HttpResult of(HttpResponse<byte[]> response, int redirects) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                headers.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), HttpResult::concat);
            }
        });
        byte[] body = response.body() == null ? new byte[0] : response.body();
        return new HttpResult(response.statusCode(), headers, body, response.uri(), redirects);
    }

    /**
     * Push the Lua table: {@code status}, {@code ok}, {@code headers}, {@code body}, {@code url},
     * {@code redirects}. Repeated headers are joined with {@code ", "}; {@code set-cookie} is always
     * a sequence of strings. Header values are the bytes as received.
     */
    void push(LuaStack s) {
        s.newTable(0, 6);
        s.pushInteger(status);
        s.setField(-2, "status");
        s.pushBoolean(status >= 200 && status <= 299);
        s.setField(-2, "ok");
        s.newTable(0, headers.size());
        headers.forEach((name, values) -> {
            if (name.equals(SET_COOKIE)) {
                s.newTable(values.size(), 0);
                for (int i = 0; i < values.size(); i++) {
                    s.pushBytes(raw(values.get(i)));
                    s.rawSetIndex(-2, i + 1);
                }
            } else {
                s.pushBytes(raw(String.join(", ", values)));
            }
            s.setField(-2, name);
        });
        s.setField(-2, "headers");
        s.pushBytes(body);
        s.setField(-2, "body");
        s.pushString(url.toString());
        s.setField(-2, "url");
        s.pushInteger(redirects);
        s.setField(-2, "redirects");
    }

    /** Return a header value's bytes as received: the client reads each byte as one ISO-8859-1 character. */
    private static byte[] raw(String value) {
        return value.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
