package dev.hype.runtime.permissions;

import java.nio.file.Path;

/** Implement {@link Access} for trusted code: every check passes. */
final class Unrestricted implements Access {
    @Override
    public boolean unrestricted() {
        return true;
    }

    @Override
    public String packageName() {
        return null;
    }

    @Override
    public boolean mayRead(Path path) {
        return true;
    }

    @Override
    public boolean mayWrite(Path path) {
        return true;
    }

    @Override
    public boolean mayConnect(String host, int port, int defaultPort) {
        return true;
    }

    @Override
    public boolean mayReadEnv(String name) {
        return true;
    }

    @Override
    public boolean mayRun() {
        return true;
    }

    @Override
    public boolean mayUseClass(String className) {
        return true;
    }

    @Override
    public boolean mayLoadNative() {
        return true;
    }

    @Override
    public PermissionDeniedError denied(Kind kind, String operation, String resource) {
        throw new IllegalStateException("trusted code is never denied");
    }
}
