import { describe, expect, it } from 'vitest';
import {
  BIN,
  CADASTRAL,
  facts,
  flat,
  IIN,
  moment,
  NOW,
  notaryLicence,
  sale,
  withPerson,
} from '../../test/fixtures.js';
import type { ActDraft } from '../act-draft.js';
import { CHECKS_BY_KIND, runPreDealChecks } from './run-checks.js';

const summary = (draft: ActDraft, given = facts()) => {
  const run = runPreDealChecks(draft, given, moment());
  return {
    allowed: run.signingAllowed,
    failed: run.results.filter((r) => !r.passed).map((r) => r.check),
    codes: run.results.flatMap((r) => r.findings.map((f) => f.code)),
  };
};

describe('running the pre-deal checks', () => {
  it('runs every check for a sale, records each passed one, and allows signing', () => {
    const run = runPreDealChecks(sale(), facts(), moment());
    expect(run).toEqual({
      kind: 'real-estate-sale',
      ranAt: NOW,
      factsAsOf: facts().asOf,
      signingAllowed: true,
      results: [
        { check: 'licence', passed: true, findings: [] },
        { check: 'parties', passed: true, findings: [] },
        { check: 'power-of-attorney', passed: true, findings: [] },
        { check: 'cadastral-number', passed: true, findings: [] },
        { check: 'ownership', passed: true, findings: [] },
        { check: 'encumbrances', passed: true, findings: [] },
        { check: 'spouse-consent', passed: true, findings: [] },
      ],
    });
  });

  it('refuses signing when any single check blocks', () => {
    const cases: [string, ActDraft, ReturnType<typeof facts>, string][] = [
      [
        'licence',
        sale(),
        facts({ notaryLicence: notaryLicence({ status: 'suspended' }) }),
        'ENOTARY_CHECK_LICENCE_NOT_ACTIVE',
      ],
      [
        'parties',
        sale(),
        withPerson(facts(), { iin: IIN.buyer, deathDate: '2026-01-01' }),
        'ENOTARY_CHECK_PARTY_DECEASED',
      ],
      [
        'cadastral-number',
        sale({ cadastralNumber: '20:315' }),
        facts({ property: flat({ cadastralNumber: '20:315' }) }),
        'ENOTARY_CADASTRAL_INVALID_FORMAT',
      ],
      [
        'ownership',
        sale(),
        facts({
          property: flat({
            owners: [
              {
                owner: { kind: 'person', id: IIN.coOwner },
                share: { numerator: 1n, denominator: 1n },
              },
            ],
          }),
        }),
        'ENOTARY_CHECK_SELLER_NOT_OWNER',
      ],
      [
        'encumbrances',
        sale(),
        facts({
          property: flat({ encumbrances: [{ id: 'E', kind: 'arrest', authority: 'court' }] }),
        }),
        'ENOTARY_CHECK_ARREST',
      ],
    ];
    for (const [check, draft, given, code] of cases) {
      expect(summary(draft, given), check).toEqual({
        allowed: false,
        failed: [check],
        codes: [code],
      });
    }
  });

  it('allows signing with only warnings, which stay in the file', () => {
    const lease = facts({
      property: flat({ encumbrances: [{ id: 'E', kind: 'other', description: 'lease' }] }),
    });
    expect(summary(sale(), lease)).toEqual({
      allowed: true,
      failed: [],
      codes: ['ENOTARY_CHECK_OTHER_ENCUMBRANCE'],
    });
  });

  it('runs only the checks a kind of act needs', () => {
    expect(CHECKS_BY_KIND['copy-certification']).toEqual([
      'licence',
      'parties',
      'power-of-attorney',
    ]);
    const copy: ActDraft = {
      kind: 'copy-certification',
      notaryIin: IIN.notary,
      parties: [{ role: 'applicant', kind: 'person', id: IIN.buyer }],
    };
    // No property record at all: a copy does not care.
    const run = runPreDealChecks(copy, facts({ property: undefined }), moment());
    expect(run.results.map((r) => r.check)).toEqual(['licence', 'parties', 'power-of-attorney']);
    expect(run.signingAllowed).toBe(true);

    const consent: ActDraft = {
      kind: 'consent',
      notaryIin: IIN.notary,
      cadastralNumber: CADASTRAL,
      parties: [
        { role: 'consenter', kind: 'person', id: IIN.coOwner },
        { role: 'recipient', kind: 'person', id: IIN.seller },
      ],
    };
    expect(summary(consent)).toEqual({ allowed: true, failed: [], codes: [] });
    expect(
      summary(consent, withPerson(facts(), { iin: IIN.coOwner, deathDate: '2025-12-31' })).failed,
    ).toEqual(['parties']);

    const poa: ActDraft = {
      kind: 'power-of-attorney',
      notaryIin: IIN.notary,
      parties: [
        { role: 'principal', kind: 'organisation', id: BIN.company },
        { role: 'representative', kind: 'person', id: IIN.representative },
      ],
      powerOfAttorney: { scope: { actKinds: ['consent'], objects: 'any' }, validUntil: null },
    };
    expect(summary(poa)).toEqual({ allowed: true, failed: [], codes: [] });
    expect(summary(poa, facts({ notaryLicence: undefined })).failed).toEqual(['licence']);
  });

  it('collects the findings of several failing checks together', () => {
    const given = withPerson(facts({ notaryLicence: notaryLicence({ validTo: '2026-01-01' }) }), {
      iin: IIN.seller,
      deathDate: '2026-02-02',
    });
    expect(summary(sale(), given)).toEqual({
      allowed: false,
      failed: ['licence', 'parties'],
      codes: ['ENOTARY_CHECK_LICENCE_EXPIRED', 'ENOTARY_CHECK_PARTY_DECEASED'],
    });
  });
});
