/**
 * Turn a resolution into a {@code hype_modules/} tree, atomically.
 *
 * <p>{@link dev.hype.pm.install.InstallPlanner} compares the wanted packages with what is installed and returns an
 * {@link dev.hype.pm.install.InstallPlan}; {@link dev.hype.pm.install.Installer} builds the new tree in a staging
 * directory from store entries and swaps it in with renames; {@link dev.hype.pm.install.ProjectLock} keeps two
 * installs in one project from interleaving. Progress goes to a {@link dev.hype.pm.install.Reporter}.
 *
 * <p>Before anything changes, {@link dev.hype.pm.install.RequestedPermissions} reads what each package asks to do at
 * run time, {@link dev.hype.pm.install.PermissionApprovals} compares it with the approvals in {@code hype-lock.json},
 * and a {@link dev.hype.pm.install.PermissionApprover} decides about what is new.
 */
package dev.hype.pm.install;
