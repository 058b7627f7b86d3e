package dev.hype.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.registry.storage.PackageName;
import dev.hype.registry.storage.PackageStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answer {@code GET /-/v1/search?text=&size=&from=} in npm's response shape.
 *
 * <p>Every word of {@code text} must match the name, description or a keyword; the qualifiers
 * {@code keywords:a,b} and {@code maintainer:user} (or {@code author:}) narrow further. Exact name
 * matches rank first.
 */
final class SearchHandler {

    private static final int DEFAULT_SIZE = 20;
    private static final int MAX_SIZE = 250;

    private final PackageStore store;
    private final Authenticator auth;

    SearchHandler(PackageStore store, Authenticator auth) {
        this.store = store;
        this.auth = auth;
    }

    private record Hit(ObjectNode result, double score, String name) {
    }

    void search(Request request) throws IOException {
        auth.checkRead(request);
        String text = Optional.ofNullable(request.query("text")).orElse("").trim().toLowerCase(Locale.ROOT);
        int size = intParameter(request, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        int from = intParameter(request, "from", 0, 0, Integer.MAX_VALUE);
        List<String> words = text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
        List<Hit> hits = new ArrayList<>();
        for (PackageName name : store.names()) {
            store.packument(name).flatMap(packument -> match(name, packument, words, request.baseUrl()))
                .ifPresent(hits::add);
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::name));
        ObjectNode response = Request.JSON.createObjectNode();
        ArrayNode objects = response.putArray("objects");
        hits.stream().skip(from).limit(size).forEach(hit -> objects.add(hit.result()));
        response.put("total", hits.size());
        response.put("time", Instant.now().toString());
        request.sendJson(200, response);
    }

    private static int intParameter(Request request, String name, int fallback, int min, int max) {
        String value = request.query(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Math.clamp(Long.parseLong(value), min, max);
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("query parameter '" + name + "' must be a number, not '" + value + "'", "bad request");
        }
    }

    private static Optional<Hit> match(PackageName name, ObjectNode packument, List<String> words, String baseUrl) {
        String latest = packument.path("dist-tags").path("latest").asText(null);
        JsonNode document = latest == null ? null : packument.path("versions").get(latest);
        if (document == null || UnpublishHandler.isTombstone(packument)) {
            return Optional.empty();
        }
        String fullName = name.toString();
        String description = document.path("description").asText(packument.path("description").asText(""));
        List<String> keywords = keywords(document.has("keywords") ? document.get("keywords") : packument.path("keywords"));
        List<String> maintainers = new ArrayList<>();
        packument.path("maintainers").forEach(m -> maintainers.add(m.path("name").asText()));
        double total = 0;
        for (String word : words) {
            double score = score(word, fullName, description.toLowerCase(Locale.ROOT), keywords, maintainers);
            if (score == 0) {
                return Optional.empty();
            }
            total += score;
        }
        double score = words.isEmpty() ? 1.0 : total / words.size();
        return Optional.of(new Hit(result(name, packument, document, latest, description, keywords, maintainers,
            score, baseUrl), score, fullName));
    }

    private static double score(String word, String name, String description, List<String> keywords,
                                List<String> maintainers) {
        if (word.startsWith("keywords:")) {
            for (String wanted : word.substring(9).split(",")) {
                if (keywords.contains(wanted)) {
                    return 0.6;
                }
            }
            return 0;
        }
        if (word.startsWith("maintainer:") || word.startsWith("author:")) {
            String wanted = word.substring(word.indexOf(':') + 1);
            return maintainers.stream().anyMatch(m -> m.equalsIgnoreCase(wanted)) ? 0.5 : 0;
        }
        if (name.equals(word)) {
            return 1.0;
        }
        if (name.contains(word)) {
            return 0.8;
        }
        if (keywords.contains(word)) {
            return 0.6;
        }
        return description.contains(word) ? 0.4 : 0;
    }

    private static List<String> keywords(JsonNode node) {
        List<String> keywords = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(k -> keywords.add(k.asText().toLowerCase(Locale.ROOT)));
        } else if (node.isTextual()) {
            for (String k : node.asText().split("[,\\s]+")) {
                if (!k.isEmpty()) {
                    keywords.add(k.toLowerCase(Locale.ROOT));
                }
            }
        }
        return keywords;
    }

    private static ObjectNode result(PackageName name, ObjectNode packument, JsonNode document, String version,
                                     String description, List<String> keywords, List<String> maintainers,
                                     double score, String baseUrl) {
        ObjectNode result = Request.JSON.createObjectNode();
        ObjectNode pkg = result.putObject("package");
        pkg.put("name", name.toString());
        pkg.put("scope", name.scoped() ? name.scope() : "unscoped");
        pkg.put("version", version);
        pkg.put("description", description);
        ArrayNode keywordArray = pkg.putArray("keywords");
        keywords.forEach(keywordArray::add);
        pkg.put("date", packument.path("time").path(version).asText(packument.path("time").path("modified").asText()));
        ObjectNode links = pkg.putObject("links");
        links.put("npm", baseUrl + "/" + name);
        if (document.hasNonNull("homepage")) {
            links.put("homepage", document.get("homepage").asText());
        }
        String publisher = document.path("_npmUser").path("name").asText(maintainers.isEmpty() ? "" : maintainers.getFirst());
        pkg.putObject("publisher").put("username", publisher);
        ArrayNode maintainerArray = pkg.putArray("maintainers");
        maintainers.forEach(m -> maintainerArray.addObject().put("username", m));
        ObjectNode scoreNode = result.putObject("score");
        scoreNode.put("final", score);
        scoreNode.putObject("detail").put("quality", score).put("popularity", score).put("maintenance", score);
        result.put("searchScore", score);
        return result;
    }
}
