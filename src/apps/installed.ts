import type { AppManifest } from '../platform/apps/manifest.js';
import { eNotaryManifest } from './e-notary/manifest.js';
import { eOtinishManifest } from './e-otinish/manifest.js';
import { redevelopmentManifest } from './redevelopment/manifest.js';
import { smartBridgeManifest } from './smart-bridge/manifest.js';

/**
 * The apps installed in this build of the platform. A deployment enables some or all of them
 * with ENABLED_APPS. Adding an app: create `src/apps/<id>/manifest.ts` and list it here.
 */
export const installedApps: AppManifest[] = [
  eOtinishManifest,
  eNotaryManifest,
  redevelopmentManifest,
  smartBridgeManifest,
];
