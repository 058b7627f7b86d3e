package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.engine.LuaStack;
import dev.hype.runtime.engine.LuaType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Read the arguments of {@code http.request(options)} and {@code http.get(url [, options])} into
 * {@link HttpOptions}, raising Lua's bad-argument errors that name the field:
 * {@code bad argument #1 to 'request' (url: expected a string, got nil)}.
 */
final class HttpOptionsReader {
    private static final Set<String> REQUEST_FIELDS = Set.of("url", "method", "headers", "body", "timeout", "redirect");
    private static final Set<String> GET_FIELDS = Set.of("headers", "timeout", "redirect");
    /** RFC 9110's token: what a method name may be made of. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** The longest timeout: about 31 years, so deadlines stay within a long of nanoseconds. */
    private static final double MAX_TIMEOUT_SECONDS = 1e9;

    private final LuaStack s;
    private final int arg;
    private final String function;

    private HttpOptionsReader(LuaStack s, int arg, String function) {
        this.s = s;
        this.arg = arg;
        this.function = function;
    }

    /** Read {@code request(options)}: a table with {@code url} and the other fields. */
    static HttpOptions request(LuaStack s, String function) {
        s.checkTable(1, function);
        HttpOptionsReader reader = new HttpOptionsReader(s, 1, function);
        reader.rejectUnknownFields(REQUEST_FIELDS, "");
        String text = reader.string("url", true);
        URI url;
        try {
            url = HttpUrl.parse(text);
        } catch (IllegalArgumentException e) {
            throw reader.bad("url: " + e.getMessage());
        }
        return reader.read(reader.method(), url);
    }

    /** Read {@code get(url [, options])}. */
    static HttpOptions get(LuaStack s, String function) {
        String text = s.checkString(1, function);
        URI url;
        try {
            url = HttpUrl.parse(text);
        } catch (IllegalArgumentException e) {
            throw LuaError.badArgument(1, function, e.getMessage());
        }
        LuaType options = s.type(2);
        if (options == LuaType.NONE || options == LuaType.NIL) {
            return new HttpOptions("GET", url, List.of(), null, HttpOptions.DEFAULT_TIMEOUT, true);
        }
        s.checkTable(2, function);
        HttpOptionsReader reader = new HttpOptionsReader(s, 2, function);
        reader.rejectUnknownFields(GET_FIELDS, "; http.get takes the URL as argument #1 and always sends GET, use http.request");
        return reader.read("GET", url);
    }

    private HttpOptions read(String method, URI url) {
        return new HttpOptions(method, url, headers(), body(), timeout(), followRedirects());
    }

    /** Refuse a key that is not in {@code known}; {@code hint} follows the message for a request field. */
    private void rejectUnknownFields(Set<String> known, String hint) {
        s.pushNil();
        while (s.next(arg)) {
            // Only a string key may be read as text: converting a number key in place would break next().
            if (s.type(-2) != LuaType.STRING) {
                LuaType type = s.type(-2);
                s.pop(2);
                throw bad("unexpected " + type.luaName() + " key: options are named fields");
            }
            String key = s.toText(-2);
            if (!known.contains(key)) {
                s.pop(2);
                throw bad("unknown option '" + key + "'" + (REQUEST_FIELDS.contains(key) ? hint : ""));
            }
            s.pop(1);
        }
    }

    private String method() {
        String method = string("method", false);
        if (method == null) {
            return "GET";
        }
        if (!TOKEN.matcher(method).matches()) {
            throw bad("method: invalid method '" + method + "'");
        }
        String upper = method.toUpperCase(Locale.ROOT);
        try {
            HttpRequest.newBuilder().method(upper, HttpRequest.BodyPublishers.noBody());
        } catch (IllegalArgumentException e) {
            throw bad("method: " + upper + " is not supported");
        }
        return upper;
    }

    private List<HttpOptions.Header> headers() {
        s.getField(arg, "headers");
        try {
            LuaType type = s.type(-1);
            if (type == LuaType.NIL) {
                return List.of();
            }
            if (type != LuaType.TABLE) {
                throw bad("headers: expected a table, got " + type.luaName());
            }
            return headerEntries(s.absIndex(-1));
        } finally {
            s.pop(1);
        }
    }

    private List<HttpOptions.Header> headerEntries(int table) {
        List<HttpOptions.Header> headers = new ArrayList<>();
        HttpRequest.Builder probe = HttpRequest.newBuilder();
        s.pushNil();
        while (s.next(table)) {
            if (s.type(-2) != LuaType.STRING) {
                LuaType type = s.type(-2);
                s.pop(2);
                throw bad("headers: names must be strings, got " + type.luaName());
            }
            String name = s.toText(-2);
            LuaType type = s.type(-1);
            if (type != LuaType.STRING && type != LuaType.NUMBER) {
                s.pop(2);
                throw bad("headers['" + name + "']: expected a string or number, got " + type.luaName());
            }
            byte[] bytes = s.toBytes(-1);
            s.pop(1);
            if (!isAscii(bytes)) {
                s.pop(1);
                // The JDK client writes header values as US-ASCII and would send '?' for the rest.
                throw bad("headers['" + name + "']: value must be ASCII text");
            }
            String value = new String(bytes, StandardCharsets.US_ASCII);
            try {
                probe.header(name, value);
            } catch (IllegalArgumentException e) {
                s.pop(1);
                throw bad(headerProblem(name, e.getMessage()));
            }
            headers.add(new HttpOptions.Header(name, value));
        }
        return headers;
    }

    /** Reword the JDK's refusal of a header. */
    private static String headerProblem(String name, String refusal) {
        if (refusal.startsWith("restricted")) {
            return "headers['" + name + "']: cannot be set; the client sets it";
        }
        if (refusal.startsWith("invalid header name")) {
            return "headers: invalid name '" + name + "'";
        }
        return "headers['" + name + "']: invalid value (line breaks and control characters are not allowed)";
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private byte[] body() {
        s.getField(arg, "body");
        try {
            LuaType type = s.type(-1);
            if (type == LuaType.NIL) {
                return null;
            }
            if (type != LuaType.STRING) {
                throw bad("body: expected a string, got " + type.luaName());
            }
            return s.toBytes(-1);
        } finally {
            s.pop(1);
        }
    }

    private Duration timeout() {
        s.getField(arg, "timeout");
        try {
            LuaType type = s.type(-1);
            if (type == LuaType.NIL) {
                return HttpOptions.DEFAULT_TIMEOUT;
            }
            if (type != LuaType.NUMBER) {
                throw bad("timeout: expected a number of seconds, got " + type.luaName());
            }
            double seconds = s.toNumber(-1);
            if (!(seconds > 0)) {
                throw bad("timeout: must be a positive number of seconds, got " + show(seconds));
            }
            return Duration.ofNanos((long) (Math.min(seconds, MAX_TIMEOUT_SECONDS) * 1e9));
        } finally {
            s.pop(1);
        }
    }

    private boolean followRedirects() {
        String mode = string("redirect", false);
        if (mode == null || mode.equals("follow")) {
            return true;
        }
        if (mode.equals("manual")) {
            return false;
        }
        throw bad("redirect: expected \"follow\" or \"manual\", got '" + mode + "'");
    }

    /** Return the string field {@code key}, or null when it is nil and not {@code required}. */
    private String string(String key, boolean required) {
        s.getField(arg, key);
        try {
            LuaType type = s.type(-1);
            if (type == LuaType.NIL && !required) {
                return null;
            }
            if (type != LuaType.STRING) {
                throw bad(key + ": expected a string, got " + type.luaName());
            }
            return s.toText(-1);
        } finally {
            s.pop(1);
        }
    }

    private LuaError bad(String message) {
        return LuaError.badArgument(arg, function, message);
    }

    /** Show a number as Lua would print it: {@code -1}, {@code 0.5}, {@code nan}. */
    static String show(double seconds) {
        if (Double.isNaN(seconds)) {
            return "nan";
        }
        if (Double.isInfinite(seconds)) {
            return seconds > 0 ? "inf" : "-inf";
        }
        return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }
}
