import type { Registry } from '../repo/registries-repo.js';

/**
 * Definitions change rarely and are read on every request, so each node keeps them for a few
 * seconds. A definition written on this node drops its entries at once; another node's change
 * is seen within TTL_MS. Records are never cached.
 */
export class RegistryCache {
  static readonly TTL_MS = 5_000;
  private readonly entries = new Map<string, { registry: Registry; until: number }>();

  get(key: string, now: number): Registry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.registry;
  }

  set(key: string, registry: Registry, now: number): void {
    this.entries.set(key, { registry, until: now + RegistryCache.TTL_MS });
  }

  /** Forgets every entry of a registry name (all its versions and its `latest`). */
  forget(name: string): void {
    for (const key of this.entries.keys()) {
      if (key.split('@')[0] === name.toLowerCase()) this.entries.delete(key);
    }
  }
}
