import type { Route } from '../domain/routing.js';

/**
 * Which body is competent for which category and region, seeded for the demo agencies
 * (src/cli/seed.ts: ministry-digital, akimat-almaty). A deployment replaces these rows with its
 * own bodies; a routed code that names no agency falls back to the app's owning agency, so that
 * intake never refuses an appeal.
 */
export const ROUTING_TABLE: readonly Route[] = [
  { agencyCode: 'ministry-digital' },
  { category: 'digital-services', agencyCode: 'ministry-digital' },
  { region: 'almaty', agencyCode: 'akimat-almaty' },
  { category: 'digital-services', region: 'almaty', agencyCode: 'ministry-digital' },
];
