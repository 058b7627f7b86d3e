/**
 * Run package commands as plain operations: one options record in, one result record out, no printing.
 *
 * <p>The command line maps its arguments to, for example, {@link dev.hype.pm.ops.ResolveOptions} and calls
 * {@link dev.hype.pm.ops.ResolveOperation#run(ResolveOptions)}.
 */
package dev.hype.pm.ops;
