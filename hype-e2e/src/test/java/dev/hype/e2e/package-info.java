/**
 * End-to-end tests: the real {@code ./hype} launcher run as a child process, with its own
 * {@code HOME}, {@code HYPE_HOME} and working directory, as a user runs it.
 *
 * <p>{@link dev.hype.e2e.Hype} runs commands and returns a {@link dev.hype.e2e.Result};
 * {@link dev.hype.e2e.ServedRegistry} runs {@code hype registry serve} as a process.
 */
package dev.hype.e2e;
