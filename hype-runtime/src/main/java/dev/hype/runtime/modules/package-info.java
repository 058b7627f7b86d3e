/**
 * The Node-style module system: {@code require()}, {@code module.exports}, {@code hype.json}
 * packages with {@code exports} and {@code imports}, and the module cache. Start it with
 * {@link dev.hype.runtime.modules.ModuleSystem#install}.
 */
package dev.hype.runtime.modules;
