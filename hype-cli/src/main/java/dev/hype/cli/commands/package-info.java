/** One picocli command class per {@code hype} subcommand; each maps its options onto one operation. */
package dev.hype.cli.commands;
