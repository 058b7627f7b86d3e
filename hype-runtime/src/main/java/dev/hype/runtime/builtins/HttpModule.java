package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.engine.LuaStack;
import dev.hype.runtime.permissions.Access;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Provide {@code http}: {@code request} and {@code get} on the JDK's {@link HttpClient}, with every
 * connection, redirects included, checked against the module's {@link Access}.
 *
 * <p>The client is built on the first request, not when the module loads, and serves every
 * request of this module instance.
 */
public final class HttpModule implements BuiltinModule {
    private static final Chunk SOURCE = ModuleSource.load("http");

    private final Access access;
    private final Map<String, JavaFunction> natives;
    private HttpFetch fetch;

    /** Create the module; every connection it makes must pass {@code access}. */
    public HttpModule(Access access) {
        this.access = access;
        this.natives = Map.of(
                "request", s -> run(s, HttpOptionsReader.request(s, "request"), "http.request"),
                "get", s -> run(s, HttpOptionsReader.get(s, "get"), "http.get"));
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Chunk source() {
        return SOURCE;
    }

    @Override
    public Map<String, JavaFunction> natives() {
        return natives;
    }

    /** Return whether a request has been made, and so the client built. */
    synchronized boolean started() {
        return fetch != null;
    }

    private synchronized HttpFetch fetch() {
        if (fetch == null) {
            HttpClient client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_2)
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
            fetch = new HttpFetch(client, access);
        }
        return fetch;
    }

    /** Run checked {@code options} and push the result table; {@code operation} names the call in denials. */
    private int run(LuaStack s, HttpOptions options, String operation) {
        fetch().run(options, operation).push(s);
        return 1;
    }
}
