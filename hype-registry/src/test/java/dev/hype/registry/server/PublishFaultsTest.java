package dev.hype.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.pm.pack.Integrity;
import dev.hype.pm.pack.PackResult;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishes under stress: racing publishes of one version, a large publish, and leftovers of a killed publish. */
class PublishFaultsTest {
    @TempDir
    Path temp;

    @Test
    void twentyConcurrentPublishesOfOneVersionGiveExactlyOne201() throws Exception {
        try (TestRegistry registry = TestRegistry.start()) {
            List<PackResult> packs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                packs.add(PackageFixture.of("race", "1.0.0").file("index.lua", "return " + i + "\n").pack());
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (PackResult pack : packs) {
                    answers.add(threads.submit(() -> {
                        go.await();
                        return registry.publish(pack);
                    }));
                }
                go.countDown();
            }
            List<Integer> statuses = new ArrayList<>();
            PackResult winner = null;
            for (int i = 0; i < answers.size(); i++) {
                int status = answers.get(i).get().statusCode();
                statuses.add(status);
                if (status == 201) {
                    winner = packs.get(i);
                }
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
            HttpResponse<byte[]> tarball = registry.send(java.net.http.HttpRequest.newBuilder(
                    registry.baseUri().resolve("race/-/race-1.0.0.tgz")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(Integrity.sha512(tarball.body())).isEqualTo(winner.integrity());
            assertThat(TestRegistry.json(registry.get("/race")).path("versions").path("1.0.0").path("dist")
                    .path("integrity").asText()).isEqualTo(winner.integrity().sri());
        }
    }

    @Test
    void aFortyMegabytePublishIsAcceptedAndServedWhole() {
        byte[] noise = new byte[29 << 20];
        new Random(15).nextBytes(noise);
        PackResult packed = PackageFixture.of("big", "1.0.0")
                .file("data.txt", Base64.getEncoder().encodeToString(noise)).pack();
        try (TestRegistry registry = TestRegistry.start()) {
            int bodyBytes = registry.publishBody(packed, java.util.Map.of("latest", "1.0.0")).toString().length();
            assertThat(bodyBytes).isGreaterThan(40_000_000);

            HttpResponse<String> published = registry.publish(packed);

            assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
            HttpResponse<byte[]> tarball = registry.send(java.net.http.HttpRequest.newBuilder(
                    registry.baseUri().resolve("big/-/big-1.0.0.tgz")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(Integrity.sha512(tarball.body())).isEqualTo(packed.integrity());
        }
    }

    @Test
    void aTarballWithoutItsVersionIsNeverServedAndTheVersionCanBePublishedLater() throws IOException {
        Path storage = Files.createDirectories(temp.resolve("storage"));
        PackResult first = PackageFixture.of("half", "1.0.0").pack();
        PackResult second = PackageFixture.of("half", "1.0.0").file("other.lua", "return 2\n").pack();
        try (TestRegistry registry = TestRegistry.startIn(storage, UnaryOperator.identity())) {
            assertThat(registry.publish(PackageFixture.of("half", "0.9.0").pack()).statusCode()).isEqualTo(201);
            // what a publish killed between its two writes leaves: the tarball, and no version in the packument
            Files.write(storage.resolve("half/half-1.0.0.tgz"), first.tarball());
            assertThat(registry.get("/half/-/half-1.0.0.tgz").statusCode()).isEqualTo(404);
        }
        try (TestRegistry registry = TestRegistry.startIn(storage, UnaryOperator.identity())) {
            assertThat(storage.resolve("half/half-1.0.0.tgz")).doesNotExist();
            assertThat(registry.publish(second).statusCode()).isEqualTo(201);
            HttpResponse<byte[]> tarball = registry.send(java.net.http.HttpRequest.newBuilder(
                    registry.baseUri().resolve("half/-/half-1.0.0.tgz")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(Integrity.sha512(tarball.body())).isEqualTo(second.integrity());
        }
    }
}
