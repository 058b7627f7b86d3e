/**
 * The {@code hype} command line: the entry point, one picocli command class per command, and the
 * one place where errors are rendered for people.
 */
package dev.hype.cli;
