import type { Database } from '../../../platform/db/database.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { agencyNames } from '../repo/appeals-repo.js';

/** How long a copy of the names serves before it is read again (a safety net only). */
const MAX_AGE_MS = 5 * 60_000;

/**
 * Every agency's names in kk, ru and en, for the messages intake sends, read from the identity
 * block's table once and kept in the process, like the calendar: agencies are added, never
 * removed or renamed (the identity block has no way to do either). A code the copy lacks (an
 * agency added since) reads the table again at once; otherwise the copy is read again after 5
 * minutes, so a rename made in the database by hand reaches messages within that time.
 */
export class AgencyNames {
  private names: Map<string, Record<Locale, string>> | undefined;
  private readAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Outcomes: the names of every agency known, including each of `codes` that exists. */
  async of(db: Database, codes: string[]): Promise<Map<string, Record<Locale, string>>> {
    const fresh = this.names !== undefined && this.now() - this.readAt < MAX_AGE_MS;
    if (fresh && codes.every((code) => this.names!.has(code))) return this.names!;
    const readAt = this.now();
    this.names = await agencyNames(db);
    this.readAt = readAt;
    return this.names;
  }
}
