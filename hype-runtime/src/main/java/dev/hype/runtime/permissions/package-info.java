/**
 * Per-package permissions: the declared {@link dev.hype.runtime.permissions.PermissionSpec} (the
 * {@code permissions} object of a {@code hype.json}, and the approval recorded for it in
 * {@code hype-lock.json}), and {@link dev.hype.runtime.permissions.Access}, what one realm of code
 * may do at run time, which the built-in modules ask before they touch a file, a host, a
 * variable, a program or a Java class.
 */
package dev.hype.runtime.permissions;
