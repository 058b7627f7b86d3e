package dev.hype.registry.server;

/**
 * Stop handling a request and answer with a status and a JSON error body.
 *
 * @see Request#sendError(int, String, String)
 */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    HttpError(int status, String error, String reason) {
        super(error, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    static HttpError badRequest(String error, String reason) {
        return new HttpError(400, error, reason);
    }

    static HttpError notFound(String error) {
        return new HttpError(404, error, "not found");
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
