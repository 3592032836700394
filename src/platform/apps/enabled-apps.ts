import type { AppManifest } from './manifest.js';
import { ManifestError } from './manifest-error.js';

/**
 * The apps a deployment enables (ENABLED_APPS), in installation order.
 *
 * Outcomes: an empty list enables every installed app; an id that is not installed throws
 * ManifestError, so a typo in the configuration stops the start instead of hiding a service.
 */
export function enabledApps(installed: readonly AppManifest[], enabled: string[]): AppManifest[] {
  if (enabled.length === 0) return [...installed];
  const unknown = enabled.filter((id) => !installed.some((manifest) => manifest.id === id));
  if (unknown.length > 0) {
    throw new ManifestError([
      `ENABLED_APPS names apps that are not installed: ${unknown.join(', ')}`,
    ]);
  }
  return installed.filter((manifest) => enabled.includes(manifest.id));
}
