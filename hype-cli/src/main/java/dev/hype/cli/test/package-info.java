/** The {@code hype test} command ({@code hype pkg test}) and its reporters: terminal, TAP, JUnit XML, JSON. */
package dev.hype.cli.test;
