package dev.hype.pm.install;

import java.util.List;

/**
 * Decide whether the permissions packages ask for are approved. The install asks once, with every package that
 * needs approval, after resolving and downloading and before it changes the project; library code never prompts,
 * so the command line implements this (with {@code --allow-permissions}, or by asking on a terminal).
 */
@FunctionalInterface
public interface PermissionApprover {
    /** Approve nothing: the install then fails with {@code E_PERMISSIONS_NOT_APPROVED}. */
    PermissionApprover REFUSE = pending -> false;
    /** Approve everything asked, as {@code --allow-permissions} does. */
    PermissionApprover ALLOW_ALL = pending -> true;

    /**
     * Return whether every request in {@code pending} is approved.
     *
     * @param pending the packages that ask for more than the lockfile approves, in name order; never empty
     */
    boolean approve(List<PermissionRequest> pending);
}
