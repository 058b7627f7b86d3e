/**
 * Turn a resolution into a {@code hype_modules/} tree, atomically.
 *
 * <p>{@link dev.hype.pm.install.InstallPlanner} compares the wanted packages with what is installed and returns an
 * {@link dev.hype.pm.install.InstallPlan}; {@link dev.hype.pm.install.Installer} builds the new tree in a staging
 * directory from store entries and swaps it in with renames; {@link dev.hype.pm.install.ProjectLock} keeps two
 * installs in one project from interleaving. Progress goes to a {@link dev.hype.pm.install.Reporter}.
 */
package dev.hype.pm.install;
