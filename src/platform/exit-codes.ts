/** Exit codes of `ortaq`, documented in the README so an operator's supervisor can tell them apart. */
export const ExitCode = {
  ok: 0,
  /** `audit verify` found a changed, deleted or reordered entry. */
  verificationFailed: 1,
  configInvalid: 2,
  portInUse: 3,
  dataDirLocked: 4,
  migrationFailed: 5,
  databaseUnavailable: 6,
  /** Bad command-line input, e.g. `user create` with an invalid national identifier. */
  badInput: 64,
  unexpected: 70,
} as const;
