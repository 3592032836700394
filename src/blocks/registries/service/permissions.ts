import { DomainError } from '../../../platform/errors.js';
import type { Permission } from '../domain/definition.js';
import type { Registry } from '../repo/registries-repo.js';
import type { RegistryActor } from './deps.js';

/** Administrators may do anything a registry allows anybody; the system is not limited. */
export function mayUse(permission: Permission, actor: RegistryActor): boolean {
  if (actor.system) return true;
  if (actor.roles.includes('admin')) return true;
  return (
    permission.roles.some((role) => actor.roles.includes(role)) ||
    permission.scopes.some((scope) => actor.scopes.includes(scope))
  );
}

/** Outcomes: nothing; REGISTRY_READ_FORBIDDEN (403) naming the registry. */
export function assertMayRead(registry: Registry, actor: RegistryActor): void {
  if (!mayUse(registry.definition.permissions.read, actor))
    throw new DomainError('REGISTRY_READ_FORBIDDEN', 403, { name: registry.name });
}

/** Outcomes: nothing; REGISTRY_WRITE_FORBIDDEN (403); REGISTRY_ARCHIVED (409). */
export function assertMayWrite(registry: Registry, actor: RegistryActor): void {
  if (!mayUse(registry.definition.permissions.write, actor))
    throw new DomainError('REGISTRY_WRITE_FORBIDDEN', 403, { name: registry.name });
  if (registry.archivedAt) throw new DomainError('REGISTRY_ARCHIVED', 409, { name: registry.name });
}
