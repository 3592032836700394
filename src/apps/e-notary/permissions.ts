import { hasRole, type Principal } from '../../platform/auth/principal.js';
import type { AppPermission } from '../../platform/apps/manifest.js';

/*
 * The app's permissions and the platform roles a deployment grants them to by default: the
 * manifest lists them, and the routes and services that need one ask here, so the two cannot
 * drift apart.
 */

/** Held through a notary licence in the licence registry, not through a platform role. */
export const PERFORM_PERMISSION: AppPermission = { id: 'e-notary.acts.perform', roles: [] };

/** Reviewing acts frozen by an owner's "this is not me": release or cancel them. */
export const REVIEW_PERMISSION: AppPermission = { id: 'e-notary.acts.review', roles: ['officer'] };

export const REVOKE_PERMISSION: AppPermission = {
  id: 'e-notary.powers-of-attorney.revoke',
  roles: ['citizen'],
};

/** True when the principal holds a role the permission is granted to. */
export const holdsPermission = (principal: Principal | null, permission: AppPermission) =>
  permission.roles.some((role) => hasRole(principal, role));
