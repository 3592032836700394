/**
 * Who is making a request, as the platform's kernel sees it. The identity block decides who a
 * person is and which roles they hold; the kernel only carries the answer.
 */
export interface Principal {
  accountId: string;
  /** The person behind the account (every account belongs to a person). */
  personId: string;
  displayName: string;
  /** Roles such as `citizen`, `officer`, `agency-head`, `admin`; see blocks/identity/roles.ts. */
  roles: string[];
  /** The agency an officer works for; null for citizens and administrators. */
  agencyId: string | null;
}

export const hasRole = (principal: Principal | null, role: string): boolean =>
  principal !== null && principal.roles.includes(role);
