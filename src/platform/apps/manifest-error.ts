/**
 * An installed app's manifest breaks the contract. Raised at boot, before anything is mounted or
 * migrated, so an operator sees every problem at once instead of a half-started platform.
 */
export class ManifestError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid app manifests:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ManifestError';
  }
}
