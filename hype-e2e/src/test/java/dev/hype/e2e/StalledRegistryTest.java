package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry that sends half a tarball and stalls: {@code hype pkg install} ends at the read timeout (20 s without
 * a byte) with an error naming the package and the URL, and leaves the project as it was (issue 15).
 */
class StalledRegistryTest {
    @TempDir
    Path temp;

    @Test
    void aStalledTarballEndsTheInstallWithAClearError() throws Exception {
        byte[] tarball = new byte[8192];
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(sha512(tarball));
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort();
            String packument = "{\"name\":\"a-lib\",\"dist-tags\":{\"latest\":\"1.0.0\"},\"versions\":{\"1.0.0\":"
                    + "{\"name\":\"a-lib\",\"version\":\"1.0.0\",\"dist\":{\"tarball\":\"" + url
                    + "/a-lib/-/a-lib-1.0.0.tgz\",\"integrity\":\"" + integrity + "\"}}}}";
            Thread.startVirtualThread(() -> serve(server, packument.getBytes(StandardCharsets.UTF_8), tarball));
            Hype hype = Hype.in(temp);
            hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"a-lib\": \"^1\"}}\n");

            Result install = hype.run("pkg", "install", "--registry", url);

            assertThat(install.exitCode()).as(install.describe()).isEqualTo(1);
            assertThat(install.stderr()).contains("timed out reading " + url + "/a-lib/-/a-lib-1.0.0.tgz for a-lib",
                    "no data for 20 s (read timeout)");
            assertThat(hype.directory().resolve("hype_modules")).doesNotExist();
            assertThat(hype.directory().resolve("hype-lock.json")).doesNotExist();
        }
    }

    /** Answer the packument whole and the tarball by half, then hold the connection until the client leaves. */
    private static void serve(ServerSocket server, byte[] packument, byte[] tarball) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.startVirtualThread(() -> {
                    try (socket) {
                        InputStream in = socket.getInputStream();
                        String head = readHead(in);
                        OutputStream out = socket.getOutputStream();
                        boolean wantsTarball = head.startsWith("GET /a-lib/-/");
                        byte[] body = wantsTarball ? tarball : packument;
                        out.write(("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: "
                                + (wantsTarball ? "application/octet-stream" : "application/json")
                                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, 0, wantsTarball ? body.length / 2 : body.length);
                        out.flush();
                        while (in.read() >= 0) {
                            // hold the connection open until the client hangs up
                        }
                    } catch (IOException e) {
                        // the client left
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static byte[] sha512(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-512").digest(data);
    }
}
