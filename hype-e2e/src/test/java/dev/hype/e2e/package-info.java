/**
 * End-to-end tests: the real {@code ./hype} launcher run as a child process, with its own
 * {@code HOME}, {@code HYPE_HOME} and working directory, as a user runs it.
 *
 * <p>{@link dev.hype.e2e.Hype} runs commands ({@code run}, {@code runWithInput}, {@code shell} with
 * {@code hype} on {@code PATH}, {@code terminal} on a pseudo-terminal) and returns a
 * {@link dev.hype.e2e.Result}; {@code start} returns a {@link dev.hype.e2e.RunningHype} whose output
 * lines a test can wait for; {@link dev.hype.e2e.ServedRegistry} runs {@code hype registry serve} as a
 * process and publishes packages to it. Test classes and methods run concurrently
 * ({@code junit-platform.properties}), so each test keeps to its own {@code @TempDir}.
 *
 * <p>{@code dev.hype.e2e.docs.DocsTest} runs every example of README.md and docs/ (the convention is
 * in docs/CONTRIBUTING-docs.md).
 */
package dev.hype.e2e;
