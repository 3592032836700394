/** Names of ledgers and kinds of their entries (what appendToLedger accepts). */
export const LEDGER_NAME = /^[a-z][a-z0-9-]{0,62}$/;
export const LEDGER_ENTRY_KIND = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;

/**
 * The canonical tag of every ledger entry (see platform/audit/canonical.ts): entries are
 * serialised as audit entries are, with this tag first and the ledger's name where an audit
 * entry has its outcome, so an entry can pass neither for an audit entry nor for another
 * ledger's.
 */
export const LEDGER_TAG = 'ortaq.ledger.v1';

/** The chain name a ledger's checkpoints sign (second element of the checkpoint statement). */
export const ledgerCheckpointChain = (ledger: string): string => `${LEDGER_TAG}/${ledger}`;
