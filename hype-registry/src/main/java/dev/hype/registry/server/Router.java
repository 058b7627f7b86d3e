package dev.hype.registry.server;

import dev.hype.registry.storage.PackageName;
import dev.hype.registry.storage.StorageException;
import java.io.IOException;
import java.util.List;

/**
 * Map a request's method and path to the handler of its endpoint.
 *
 * <p>Scoped names arrive either as one encoded segment ({@code @scope%2fname}) or as two
 * ({@code @scope/name}); both are accepted everywhere a name is.
 */
final class Router {

    private static final String USER_PREFIX = "org.couchdb.user:";

    private final PackageReadHandler reads;
    private final PublishHandler publish;
    private final SearchHandler search;
    private final DistTagHandler distTags;
    private final UserHandler users;
    private final UnpublishHandler unpublish;
    private final OwnerHandler owners;
    private final OrgHandler orgs;
    private final TokenHandler tokens;

    Router(PackageReadHandler reads, PublishHandler publish, SearchHandler search, DistTagHandler distTags,
           UserHandler users, UnpublishHandler unpublish, OwnerHandler owners, OrgHandler orgs, TokenHandler tokens) {
        this.reads = reads;
        this.publish = publish;
        this.search = search;
        this.distTags = distTags;
        this.users = users;
        this.unpublish = unpublish;
        this.owners = owners;
        this.orgs = orgs;
        this.tokens = tokens;
    }

    /** A package name taken from the path and the segments after it. */
    private record NamedPath(PackageName name, List<String> rest) {
    }

    void route(Request request) throws IOException {
        List<String> segments = request.segments();
        if (segments.isEmpty()) {
            throw HttpError.notFound("no endpoint at /; try /{package} or /-/v1/search?text=");
        }
        if (segments.getFirst().equals("-")) {
            routeSpecial(request, segments.subList(1, segments.size()));
        } else {
            routePackage(request, namedPath(segments));
        }
    }

    private void routePackage(Request request, NamedPath path) throws IOException {
        List<String> rest = path.rest();
        if (rest.isEmpty()) {
            if (request.isRead()) {
                reads.packument(request, path.name());
            } else if (request.method().equals("PUT")) {
                publish.publish(request, path.name());
            } else {
                throw notAllowed(request, "GET, PUT");
            }
        } else if (rest.size() == 1) {
            requireRead(request);
            reads.version(request, path.name(), rest.getFirst());
        } else if (rest.size() == 2 && rest.getFirst().equals("-")) {
            requireRead(request);
            reads.tarball(request, path.name(), rest.get(1));
        } else if (rest.size() == 2 && rest.getFirst().equals("-rev")) {
            switch (request.method()) {
                case "PUT" -> {
                    com.fasterxml.jackson.databind.JsonNode body = request.jsonBody();
                    if (OwnerHandler.changesMaintainers(body)) {
                        owners.setMaintainers(request, path.name(), body);
                    } else {
                        unpublish.removeVersions(request, path.name(), body);
                    }
                }
                case "DELETE" -> unpublish.removePackage(request, path.name());
                default -> throw notAllowed(request, "PUT, DELETE");
            }
        } else if (rest.size() == 4 && rest.getFirst().equals("-") && rest.get(2).equals("-rev")) {
            if (!request.method().equals("DELETE")) {
                throw notAllowed(request, "DELETE");
            }
            unpublish.deleteTarball(request, path.name(), rest.get(1));
        } else {
            throw HttpError.notFound("no endpoint at " + request.rawPath());
        }
    }

    private void routeSpecial(Request request, List<String> path) throws IOException {
        String first = path.isEmpty() ? "" : path.getFirst();
        switch (first) {
            case "ping" -> {
                requireRead(request);
                users.ping(request);
            }
            case "whoami" -> {
                requireRead(request);
                users.whoami(request);
            }
            case "v1" -> {
                if (path.size() == 2 && path.get(1).equals("search")) {
                    requireRead(request);
                    search.search(request);
                } else {
                    throw HttpError.notFound("no endpoint at " + request.rawPath());
                }
            }
            case "user" -> routeUser(request, path.subList(1, path.size()));
            case "org" -> routeOrg(request, path.subList(1, path.size()));
            case "package" -> routeDistTags(request, path.subList(1, path.size()));
            case "npm" -> routeTokens(request, path.subList(1, path.size()));
            default -> throw HttpError.notFound("no endpoint at " + request.rawPath());
        }
    }

    private void routeUser(Request request, List<String> path) throws IOException {
        if (path.size() == 1 && path.getFirst().startsWith(USER_PREFIX)) {
            String name = path.getFirst().substring(USER_PREFIX.length());
            switch (request.method()) {
                case "PUT" -> users.login(request, name);
                case "GET", "HEAD" -> owners.user(request, name);
                default -> throw notAllowed(request, "GET, PUT");
            }
        } else if (path.size() == 2 && path.getFirst().equals("token")) {
            if (!request.method().equals("DELETE")) {
                throw notAllowed(request, "DELETE");
            }
            users.logout(request, path.get(1));
        } else {
            throw HttpError.notFound("no endpoint at " + request.rawPath());
        }
    }

    /** Route {@code /-/npm/v1/tokens} and {@code /-/npm/v1/tokens/token/{key}}. */
    private void routeTokens(Request request, List<String> path) throws IOException {
        if (path.size() == 2 && path.get(0).equals("v1") && path.get(1).equals("tokens")) {
            switch (request.method()) {
                case "GET", "HEAD" -> tokens.list(request);
                case "POST" -> tokens.create(request);
                default -> throw notAllowed(request, "GET, POST");
            }
        } else if (path.size() == 4 && path.get(0).equals("v1") && path.get(1).equals("tokens")
            && path.get(2).equals("token")) {
            if (!request.method().equals("DELETE")) {
                throw notAllowed(request, "DELETE");
            }
            tokens.revoke(request, path.get(3));
        } else {
            throw HttpError.notFound("no endpoint at " + request.rawPath());
        }
    }

    /** Route {@code /-/org/{scope}/user}, npm's org membership API, to the scope's roster. */
    private void routeOrg(Request request, List<String> path) throws IOException {
        if (path.size() != 2 || !path.get(1).equals("user")) {
            throw HttpError.notFound("no endpoint at " + request.rawPath());
        }
        String scope = path.getFirst().replaceFirst("^@", "");
        try {
            PackageName.parse("@" + scope + "/x");
        } catch (StorageException e) {
            throw HttpError.badRequest("'" + scope + "' is not a valid scope", "bad request");
        }
        switch (request.method()) {
            case "GET", "HEAD" -> orgs.roster(request, scope);
            case "PUT" -> orgs.set(request, scope);
            case "DELETE" -> orgs.remove(request, scope);
            default -> throw notAllowed(request, "GET, PUT, DELETE");
        }
    }

    private void routeDistTags(Request request, List<String> path) throws IOException {
        NamedPath named = namedPath(path);
        List<String> rest = named.rest();
        if (rest.isEmpty() || !rest.getFirst().equals("dist-tags") || rest.size() > 2) {
            throw HttpError.notFound("no endpoint at " + request.rawPath());
        }
        if (rest.size() == 1) {
            requireRead(request);
            distTags.list(request, named.name());
            return;
        }
        String tag = rest.get(1);
        switch (request.method()) {
            case "GET", "HEAD" -> distTags.get(request, named.name(), tag);
            case "PUT", "POST" -> distTags.put(request, named.name(), tag);
            case "DELETE" -> distTags.delete(request, named.name(), tag);
            default -> throw notAllowed(request, "GET, PUT, DELETE");
        }
    }

    private static NamedPath namedPath(List<String> segments) {
        if (segments.isEmpty()) {
            throw HttpError.notFound("no package name in the path");
        }
        String first = segments.getFirst();
        String name = first;
        int used = 1;
        if (first.startsWith("@") && !first.contains("/")) {
            if (segments.size() < 2) {
                throw HttpError.badRequest("scoped name '" + first + "' lacks its package part", "bad request");
            }
            name = first + "/" + segments.get(1);
            used = 2;
        }
        try {
            return new NamedPath(PackageName.parse(name), segments.subList(used, segments.size()));
        } catch (StorageException e) {
            throw HttpError.badRequest(e.getMessage(), "invalid package name");
        }
    }

    private static void requireRead(Request request) {
        if (!request.isRead()) {
            throw notAllowed(request, "GET");
        }
    }

    private static HttpError notAllowed(Request request, String allowed) {
        return new HttpError(405, "method " + request.method() + " is not allowed on " + request.rawPath(),
            "allowed: " + allowed);
    }
}
