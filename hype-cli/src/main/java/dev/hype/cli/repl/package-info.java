/** The interactive REPL, built on JLine. */
package dev.hype.cli.repl;
