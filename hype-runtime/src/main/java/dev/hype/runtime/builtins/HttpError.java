package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.TableError;
import java.util.LinkedHashMap;
import java.util.Map;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Raise an HTTP failure as {@code fs} raises file failures: a Lua table with {@code code},
 * {@code message}, {@code method} and {@code url}, whose {@code tostring} is the message, such as
 * {@code ECONNREFUSED: connection refused, GET http://127.0.0.1:9/}.
 */
final class HttpError extends TableError {
    private static final long serialVersionUID = 1L;

    /** A failure code, with its description. */
    enum Code {
        ECONNREFUSED("connection refused"),
        ENOTFOUND("host not found"),
        ETIMEDOUT("timed out"),
        ECONNRESET("connection closed before the response was complete"),
        EHOSTUNREACH("host unreachable"),
        ENETUNREACH("network unreachable"),
        EPROTO("protocol error"),
        ERR_TLS("TLS handshake failed"),
        ERR_TOO_MANY_REDIRECTS("too many redirects"),
        ERR_INVALID_REDIRECT("invalid redirect"),
        EINTR("interrupted"),
        EIO("i/o error");

        final String description;

        Code(String description) {
            this.description = description;
        }
    }

    private final Code code;
    private final String method;
    private final String url;

    /** Create the error for {@code code}; {@code detail}, when not empty, follows the description. */
    HttpError(Code code, String detail, String method, URI url) {
        super(code + ": " + code.description + (detail.isEmpty() ? "" : " (" + detail + ")") + ", " + method + " " + url);
        this.code = code;
        this.method = method;
        this.url = url.toString();
    }

    /** Translate a failure of {@code method url}, the exception the client raised. */
    static HttpError of(Throwable failure, String method, URI url) {
        Code code = classify(failure);
        String detail = code == Code.EPROTO || code == Code.ERR_TLS || code == Code.EIO ? reason(failure) : "";
        return new HttpError(code, detail, method, url);
    }

    /** Create the error for a call that took longer than {@code timeout}. */
    static HttpError timedOut(Duration timeout, String method, URI url) {
        double seconds = timeout.toNanos() / 1e9;
        return new HttpError(Code.ETIMEDOUT, "no complete response within " + HttpOptionsReader.show(seconds) + " s",
                method, url);
    }

    /** Return the code for an exception from {@code java.net.http}, looking through its causes. */
    static Code classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return Code.ETIMEDOUT;
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return Code.ENOTFOUND;
            }
            if (t instanceof SSLException) {
                return Code.ERR_TLS;
            }
            if (t instanceof InterruptedException) {
                return Code.EINTR;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof NoRouteToHostException || message.contains("no route to host")) {
                return Code.EHOSTUNREACH;
            }
            if (message.contains("network is unreachable")) {
                return Code.ENETUNREACH;
            }
            if (message.contains("connection reset") || message.contains("eof reached") || message.contains("no bytes")
                    || message.contains("broken pipe") || message.contains("connection closed")) {
                return Code.ECONNRESET;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return Code.ECONNREFUSED;
            }
            if (t instanceof ProtocolException) {
                return Code.EPROTO;
            }
        }
        return Code.EIO;
    }

    /** Return the innermost message that says something, for codes whose description is not enough. */
    private static String reason(Throwable failure) {
        String reason = "";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
            }
        }
        return reason;
    }

    Code code() {
        return code;
    }

    @Override
    protected String typeName() {
        return "http.Error";
    }

    @Override
    protected Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code.name());
        fields.put("method", method);
        fields.put("url", url);
        return fields;
    }
}
