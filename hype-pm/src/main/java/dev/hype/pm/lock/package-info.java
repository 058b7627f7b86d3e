/**
 * Read, check and write {@code hype-lock.json}, the record of exactly what an install chose.
 *
 * <p>{@link dev.hype.pm.lock.Lockfile} holds the data; {@link dev.hype.pm.lock.LockfileReader} parses and
 * validates it, naming file, line and column on bad JSON; {@link dev.hype.pm.lock.LockfileWriter} renders it
 * with sorted keys and two-space indentation and rewrites the file only when the content changed, atomically.
 */
package dev.hype.pm.lock;
