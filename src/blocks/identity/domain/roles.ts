/**
 * Roles a principal can hold. Everyone with an account is a `citizen` (an officer can apply for a
 * service too); officers hold `officer` and may also head or deputise their agency; `admin`
 * administers the deployment.
 */
export const OFFICER_ROLES = ['officer', 'agency-head', 'agency-deputy'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export const ROLES = ['citizen', ...OFFICER_ROLES, 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles `ortaq user create --role` accepts. */
export const USER_CREATE_ROLES = ['citizen', 'officer', 'agency-head', 'admin'] as const;
export type UserCreateRole = (typeof USER_CREATE_ROLES)[number];

/** Officer rows always carry `officer`; a head or deputy is also an officer. */
export function officerRoles(roles: readonly OfficerRole[]): OfficerRole[] {
  return [...new Set<OfficerRole>(['officer', ...roles])];
}

/** Officers and administrators must prove a second factor at every sign-in. */
export const needsSecondFactor = (roles: readonly string[]): boolean =>
  roles.includes('officer') || roles.includes('admin');
