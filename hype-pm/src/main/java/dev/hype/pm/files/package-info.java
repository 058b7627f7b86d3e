/**
 * Write the files hype owns so that they are never torn and look as the user expects.
 *
 * <p>{@link dev.hype.pm.files.AtomicWrite} writes through a temporary file and a rename, keeping a replaced file's
 * mode and giving a new one the mode the umask allows; {@link dev.hype.pm.files.FileModes} computes those modes;
 * {@link dev.hype.pm.files.Trees} deletes directory trees, read-only files included.
 */
package dev.hype.pm.files;
