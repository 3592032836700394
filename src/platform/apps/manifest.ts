import type { FastifyPluginAsync } from 'fastify';
import type { MigrationSet } from '../db/migration.js';
import type { MessageCatalogue } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locales.js';

/** A permission an app defines, granted to roles by the deployment. */
export interface AppPermission {
  id: string;
  /** Which roles hold it by default. */
  roles: string[];
}

/** A service or API the app publishes (detailed by the services block and the bridge later). */
export interface PublishedService {
  id: string;
  names: Record<Locale, string>;
}

/**
 * What an app tells the platform about itself. An app is a folder under `src/apps/<id>/` whose
 * `manifest.ts` exports one of these; `src/apps/installed.ts` lists the installed ones.
 */
export interface AppManifest {
  /** Lower-case kebab id, unique in the deployment, e.g. `e-otinish`. */
  id: string;
  names: Record<Locale, string>;
  descriptions: Record<Locale, string>;
  /** Code of the agency that owns the app (the identity block's agency code). */
  owningAgency: string;
  /** Every route of the app lives under this prefix, e.g. `/e-otinish`. */
  routePrefix: string;
  permissions: AppPermission[];
  migrations: MigrationSet['migrations'];
  messages: MessageCatalogue;
  publishedServices: PublishedService[];
  /** The app's routes, mounted encapsulated under routePrefix. */
  plugin: FastifyPluginAsync;
}
