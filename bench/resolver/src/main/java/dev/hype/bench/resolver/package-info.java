/** Measure the PubGrub resolver on generated registries. */
package dev.hype.bench.resolver;
