package dev.hype.pm.registry;

/** Word why a request to a server failed, for every client that talks to one (registries, LuaRocks servers). */
public final class ConnectionFailure {
    private ConnectionFailure() {
    }

    /**
     * Describe why a connection failed, from the innermost cause that says something: {@code unknown host},
     * {@code timed out connecting}, {@code timed out waiting for an answer}, {@code connection refused}, else the
     * cause's message, else {@code connection failed}.
     */
    public static String describe(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof java.net.http.HttpConnectTimeoutException) {
                return "timed out connecting";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "timed out waiting for an answer";
            }
            if (t instanceof InterruptedException) {
                return "interrupted";
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
        }
        return cause == null || cause.getMessage() == null ? "connection failed" : cause.getMessage();
    }

}
