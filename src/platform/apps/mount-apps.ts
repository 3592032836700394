import type { FastifyInstance } from 'fastify';
import type { AppManifest } from './manifest.js';

/**
 * Mounts each app under its route prefix inside a scope of its own. The extra scope matters: an
 * app whose plugin is wrapped with fastify-plugin (which skips encapsulation) would otherwise
 * leak its decorators and hooks into the platform and every other app.
 */
export async function mountApps(
  app: FastifyInstance,
  manifests: readonly AppManifest[],
): Promise<void> {
  for (const manifest of manifests) {
    await app.register(
      async function appScope(scope) {
        await scope.register(manifest.plugin);
      },
      { prefix: manifest.routePrefix },
    );
  }
}
