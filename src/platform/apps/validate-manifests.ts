import { LOCALES } from '../i18n/locales.js';
import type { AppManifest } from './manifest.js';
import { ManifestError } from './manifest-error.js';

const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PREFIX_PATTERN = /^\/[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/;

/**
 * Paths the platform itself answers under; an app mounted there would shadow (or be shadowed
 * by) the kernel's own pages and APIs.
 */
export const RESERVED_PREFIXES = [
  '/api',
  '/apps',
  '/assets',
  '/health',
  '/metrics',
  '/language',
  '/sign-in',
  '/sign-out',
] as const;

/**
 * Checks every installed manifest against the app contract: id pattern and uniqueness, a route
 * prefix that is a clean path, not reserved, unique and not nested in another app's, names and
 * descriptions in every UI language, migrations numbered 1..n, complete messages.
 *
 * Outcomes: returns the manifests unchanged; throws ManifestError naming each problem with the
 * app and field it concerns.
 */
export function validateManifests(manifests: readonly AppManifest[]): AppManifest[] {
  const problems: string[] = [];
  const ids = new Map<string, number>();
  const prefixes = new Map<string, string>();

  manifests.forEach((manifest, index) => {
    const label = typeof manifest.id === 'string' && manifest.id ? `'${manifest.id}'` : `#${index}`;
    const problem = (text: string) => problems.push(`app ${label}: ${text}`);

    if (typeof manifest.id !== 'string' || !ID_PATTERN.test(manifest.id)) {
      problem(`id ${JSON.stringify(manifest.id)} must be lower-case kebab case, e.g. 'e-otinish'`);
    } else if (ids.has(manifest.id)) {
      problem(`id is already used by the app listed at position ${ids.get(manifest.id)}`);
    } else {
      ids.set(manifest.id, index);
    }

    const prefix = manifest.routePrefix;
    if (typeof prefix !== 'string' || !prefix.startsWith('/')) {
      problem(`routePrefix ${JSON.stringify(prefix)} must start with '/'`);
    } else if (!PREFIX_PATTERN.test(prefix)) {
      problem(
        `routePrefix '${prefix}' must be lower-case path segments without a trailing '/', e.g. '/e-otinish'`,
      );
    } else {
      const reserved = RESERVED_PREFIXES.find((path) => overlaps(path, prefix));
      if (reserved) problem(`routePrefix '${prefix}' overlaps the platform's own '${reserved}'`);
      for (const [other, owner] of prefixes) {
        if (overlaps(other, prefix)) {
          problem(`routePrefix '${prefix}' overlaps '${other}' of app '${owner}'`);
        }
      }
      prefixes.set(prefix, String(manifest.id));
    }

    for (const field of ['names', 'descriptions'] as const) {
      for (const locale of LOCALES) {
        const text = manifest[field]?.[locale];
        if (typeof text !== 'string' || text.trim() === '') {
          problem(`${field}.${locale} is missing or empty`);
        }
      }
    }

    if (typeof manifest.owningAgency !== 'string' || manifest.owningAgency.trim() === '') {
      problem('owningAgency is missing or empty');
    }

    const migrations = Array.isArray(manifest.migrations) ? manifest.migrations : [];
    if (!Array.isArray(manifest.migrations)) problem('migrations must be a list');
    migrations.forEach((migration, position) => {
      if (migration.number !== position + 1) {
        problem(
          `migration '${migration.name}' is numbered ${migration.number} but is at position ${position + 1}; migrations are numbered 1..n in order`,
        );
      }
    });

    for (const [id, message] of Object.entries(manifest.messages ?? {})) {
      for (const key of ['note', ...LOCALES] as const) {
        if (typeof message[key] !== 'string' || message[key].trim() === '') {
          problem(`message '${id}' has no ${key}`);
        }
      }
    }

    if (typeof manifest.plugin !== 'function') problem('plugin must be a Fastify plugin function');
  });

  if (problems.length > 0) throw new ManifestError(problems);
  return [...manifests];
}

/** '/a' and '/a/b' overlap (one would capture the other's routes); '/a' and '/ab' do not. */
function overlaps(a: string, b: string): boolean {
  return a === b || b.startsWith(`${a}/`) || a.startsWith(`${b}/`);
}
