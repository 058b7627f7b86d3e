package dev.hype.runtime.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class HttpErrorTest {
    private static <T extends Throwable> T causedBy(T error, Throwable cause) {
        error.initCause(cause);
        return error;
    }

    @Test
    void classifiesTheFailuresOfTheJdkClient() {
        assertThat(HttpError.classify(causedBy(new ConnectException(), causedBy(new ConnectException(),
                new ClosedChannelException())))).isEqualTo(HttpError.Code.ECONNREFUSED);
        assertThat(HttpError.classify(causedBy(new ConnectException(), new UnresolvedAddressException())))
                .isEqualTo(HttpError.Code.ENOTFOUND);
        assertThat(HttpError.classify(new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo(HttpError.Code.ETIMEDOUT);
        assertThat(HttpError.classify(new HttpTimeoutException("request timed out"))).isEqualTo(HttpError.Code.ETIMEDOUT);
        assertThat(HttpError.classify(new IOException("HTTP/1.1 header parser received no bytes")))
                .isEqualTo(HttpError.Code.ECONNRESET);
        assertThat(HttpError.classify(new IOException("Connection reset"))).isEqualTo(HttpError.Code.ECONNRESET);
        assertThat(HttpError.classify(new ConnectException("No route to host"))).isEqualTo(HttpError.Code.EHOSTUNREACH);
        assertThat(HttpError.classify(new ConnectException("Network is unreachable")))
                .isEqualTo(HttpError.Code.ENETUNREACH);
        assertThat(HttpError.classify(new SSLHandshakeException("PKIX path building failed")))
                .isEqualTo(HttpError.Code.ERR_TLS);
        assertThat(HttpError.classify(new ProtocolException("Invalid response"))).isEqualTo(HttpError.Code.EPROTO);
        assertThat(HttpError.classify(new IOException("something else"))).isEqualTo(HttpError.Code.EIO);
    }

    @Test
    void namesTheRequestInTheMessageAndTellsTheReasonWhenTheCodeIsVague() {
        java.net.URI url = java.net.URI.create("https://example.com/");
        assertThat(HttpError.of(new SSLHandshakeException("PKIX path building failed"), "GET", url).getMessage())
                .isEqualTo("ERR_TLS: TLS handshake failed (PKIX path building failed), GET https://example.com/");
        assertThat(HttpError.of(causedBy(new ConnectException(), new UnresolvedAddressException()), "POST", url)
                .getMessage()).isEqualTo("ENOTFOUND: host not found, POST https://example.com/");
    }
}
