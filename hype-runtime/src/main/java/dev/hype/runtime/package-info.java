/** The Hype runtime: the Lua engine facade, the module system and the built-in modules. */
package dev.hype.runtime;
