package dev.hype.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.security.InvalidKeyException;
import org.junit.jupiter.api.Test;

class ErrorTextTest {
    @Test
    void fileSystemErrorsNameThePathAndTheReasonInWords() {
        assertThat(ErrorText.of(new NoSuchFileException("/p/hype.json"))).isEqualTo("/p/hype.json: no such file or directory");
        assertThat(ErrorText.of(new AccessDeniedException("/p"))).isEqualTo("/p: permission denied");
        assertThat(ErrorText.of(new FileAlreadyExistsException("/p"))).isEqualTo("/p: already exists");
        assertThat(ErrorText.of(new NotDirectoryException("/p"))).isEqualTo("/p: not a directory");
        assertThat(ErrorText.of(new DirectoryNotEmptyException("/p"))).isEqualTo("/p: directory not empty");
        assertThat(ErrorText.of(new FileSystemException("/a", "/b", "Cross-device link"))).isEqualTo("/a -> /b: cross-device link");
        assertThat(ErrorText.of(new FileSystemException(null, null, null))).isEqualTo("file system error");
    }

    @Test
    void anUncheckedIoExceptionIsDescribedByItsCause() {
        assertThat(ErrorText.of(new UncheckedIOException(new NoSuchFileException("/x")))).isEqualTo("/x: no such file or directory");
    }

    @Test
    void jsonErrorsGiveTheLineAndColumnWithoutJacksonsSourceDescription() {
        Exception e = org.assertj.core.api.Assertions.catchException(() -> new ObjectMapper().readTree("{\n  \"a\": ]"));
        assertThat(ErrorText.of(e)).startsWith("line 2, column 8: Unexpected character").doesNotContain("Source:");
    }

    @Test
    void otherErrorsKeepTheirMessageOrNameTheirClassInWords() {
        assertThat(ErrorText.of(new InvalidKeyException("internal detail"))).isEqualTo("the key or signature data is malformed");
        assertThat(ErrorText.of(new IllegalStateException("closed"))).isEqualTo("closed");
        assertThat(ErrorText.of(new IndexOutOfBoundsException())).isEqualTo("index out of bounds");
        assertThat(ErrorText.of(new StackOverflowError(" "))).isEqualTo("stack overflow");
    }
}
