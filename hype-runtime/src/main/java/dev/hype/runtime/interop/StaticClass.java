package dev.hype.runtime.interop;

/**
 * Stand behind a class proxy made by {@code java.import}: it reaches the class's constructors,
 * static methods and static fields. It is not a {@link Class} object and never converts to one.
 */
record StaticClass(Class<?> type) {
}
