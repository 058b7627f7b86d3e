/**
 * Module resolution: turn a {@code require} id and the requiring directory into a canonical file,
 * a built-in name, or an error listing every location tried. One small method per step of the
 * algorithm in DESIGN.md; {@code exports} and {@code imports} follow Node's specification.
 */
package dev.hype.runtime.modules.resolve;
