/**
 * Let fault-injection tests stop hype at a named point of a write, so that they kill it exactly there.
 *
 * <p>{@link dev.hype.pm.fault.PausePoints} does nothing unless the environment names a point; see its description.
 */
package dev.hype.pm.fault;
