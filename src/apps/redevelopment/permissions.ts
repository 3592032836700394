import type { AppPermission } from '../../platform/apps/manifest.js';

/** Held through an architect licence in the licence registry, not through a platform role. */
export const FILE_PERMISSION: AppPermission = { id: 'redevelopment.file', roles: [] };
/** Owners answer the consents their filings ask; any citizen may be one. */
export const CONSENT_PERMISSION: AppPermission = {
  id: 'redevelopment.consent',
  roles: ['citizen'],
};
/** Expert review and post-registration inspection, by officers of the inspecting akimat. */
export const INSPECT_PERMISSION: AppPermission = {
  id: 'redevelopment.inspect',
  roles: ['officer'],
};
