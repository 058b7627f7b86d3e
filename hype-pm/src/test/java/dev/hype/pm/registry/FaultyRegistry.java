package dev.hype.pm.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A registry that misbehaves on purpose, on raw sockets so that it can stop anywhere in a body: it stalls halfway,
 * drips one byte at a time, sends a body that never ends, or answers 429. Each behaviour is chosen by the number of
 * the request (0 for the first).
 */
final class FaultyRegistry implements AutoCloseable {
    /** How to answer one request. */
    @FunctionalInterface
    interface Behaviour {
        void answer(OutputStream out, InputStream in) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final IntFunction<Behaviour> script;

    private FaultyRegistry(IntFunction<Behaviour> script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    static FaultyRegistry start(IntFunction<Behaviour> script) throws IOException {
        return new FaultyRegistry(script);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    int requests() {
        return requests.get();
    }

    /** Send the headers and half of {@code body}, then nothing until the client hangs up. */
    static Behaviour stall(byte[] body) {
        return (out, in) -> {
            headers(out, 200, "Content-Length: " + body.length);
            out.write(body, 0, body.length / 2);
            out.flush();
            awaitHangUp(in);
        };
    }

    /** Send {@code body} one byte every {@code every}: never idle for long, but never done. */
    static Behaviour drip(byte[] body, Duration every) {
        return (out, in) -> {
            headers(out, 200, "Content-Length: " + body.length);
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(every);
            }
        };
    }

    /** Send a chunked body that never ends, as fast as the client takes it. */
    static Behaviour endless() {
        return (out, in) -> {
            headers(out, 200, "Transfer-Encoding: chunked");
            byte[] chunk = new byte[64 * 1024];
            byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(head);
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        };
    }

    /** Answer {@code status} with {@code extraHeader} (such as {@code Retry-After: 1}) and a small JSON body. */
    static Behaviour status(int status, String extraHeader) {
        return (out, in) -> {
            byte[] body = "{\"error\":\"slow down\"}".getBytes(StandardCharsets.UTF_8);
            headers(out, status, "Content-Type: application/json\r\nContent-Length: " + body.length
                    + (extraHeader == null ? "" : "\r\n" + extraHeader));
            out.write(body);
            out.flush();
        };
    }

    /** Answer 200 with {@code body} as {@code contentType}. */
    static Behaviour ok(byte[] body, String contentType) {
        return (out, in) -> {
            headers(out, 200, "Content-Type: " + contentType + "\r\nContent-Length: " + body.length);
            out.write(body);
            out.flush();
        };
    }

    private static void headers(OutputStream out, int status, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + " X\r\nConnection: close\r\n" + headers + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static void awaitHangUp(InputStream in) throws IOException {
        while (in.read() >= 0) {
            // the client sends nothing more; read returns -1 (or throws) when it hangs up
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                int number = requests.getAndIncrement();
                Thread.ofVirtual().start(() -> serve(socket, script.apply(number)));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(Socket socket, Behaviour behaviour) {
        try (socket) {
            InputStream in = socket.getInputStream();
            readHeaders(in);
            behaviour.answer(socket.getOutputStream(), in);
        } catch (IOException | InterruptedException e) {
            // the client hung up, or the test ended
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client hung up before its headers ended");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
