import { describe, expect, it } from 'vitest';
import { BIN, IIN, POA_NUMBER, profile, sale, withCheckDigit } from '../test/fixtures.js';
import { actDraftProblems, assertActDraft, assertPartyId, type ActDraft } from './act-draft.js';
import { parseShare } from './share.js';

const badCheckDigit = (iin: string) => iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);

describe('party identifiers', () => {
  it('accepts a valid IIN and BIN', () => {
    expect(() => assertPartyId(profile, { kind: 'person', id: IIN.seller })).not.toThrow();
    expect(() => assertPartyId(profile, { kind: 'organisation', id: BIN.bank })).not.toThrow();
  });

  it('refuses an invalid IIN with ENOTARY_INVALID_IIN and the precise reason on the field', () => {
    const cases: [string, string][] = [
      ['12345', 'IDENTITY_ID_WRONG_LENGTH'],
      ['80031530000a', 'IDENTITY_ID_NOT_DIGITS'],
      [badCheckDigit(IIN.seller), 'IDENTITY_ID_BAD_CHECK_DIGIT'],
      [withCheckDigit('80023030001'), 'IDENTITY_ID_BAD_BIRTH_DATE'],
    ];
    for (const [id, reason] of cases) {
      expect(() => assertPartyId(profile, { kind: 'person', id }, 'sellerIin'), id).toThrow(
        expect.objectContaining({
          code: 'ENOTARY_INVALID_IIN',
          status: 400,
          fields: [{ field: 'sellerIin', code: reason, params: { label: 'IIN' } }],
        }),
      );
    }
  });

  it('refuses an invalid BIN with ENOTARY_INVALID_BIN, an IIN given as a BIN included', () => {
    expect(() =>
      assertPartyId(profile, { kind: 'organisation', id: badCheckDigit(BIN.bank) }),
    ).toThrow(expect.objectContaining({ code: 'ENOTARY_INVALID_BIN' }));
    expect(() => assertPartyId(profile, { kind: 'organisation', id: IIN.seller })).toThrow(
      expect.objectContaining({
        code: 'ENOTARY_INVALID_BIN',
        fields: [expect.objectContaining({ code: 'IDENTITY_ID_BAD_ENTITY_TYPE' })],
      }),
    );
  });
});

describe('act drafts', () => {
  it('accepts a complete sale', () => {
    expect(actDraftProblems(profile, sale())).toEqual([]);
    expect(() => assertActDraft(profile, sale())).not.toThrow();
  });

  it('lists every problem at once, each on its field', () => {
    const draft: ActDraft = {
      kind: 'real-estate-sale',
      notaryIin: IIN.notary,
      cadastralNumber: '20-315',
      parties: [
        { role: 'seller', kind: 'person', id: badCheckDigit(IIN.seller), share: parseShare('1') },
        { role: 'principal', kind: 'person', id: IIN.buyer },
        { role: 'principal', kind: 'person', id: IIN.buyer },
        { role: 'seller', kind: 'person', id: IIN.notary, share: parseShare('0') },
      ],
    };
    expect(actDraftProblems(profile, draft)).toEqual([
      { field: 'parties.0.id', code: 'IDENTITY_ID_BAD_CHECK_DIGIT', params: { label: 'IIN' } },
      {
        field: 'parties.1.role',
        code: 'ENOTARY_PARTY_ROLE_NOT_ALLOWED',
        params: { role: 'principal' },
      },
      { field: 'parties.1.share', code: 'ENOTARY_SHARE_REQUIRED' },
      {
        field: 'parties.2.role',
        code: 'ENOTARY_PARTY_ROLE_NOT_ALLOWED',
        params: { role: 'principal' },
      },
      { field: 'parties.2.id', code: 'ENOTARY_PARTY_DUPLICATE' },
      { field: 'parties.2.share', code: 'ENOTARY_SHARE_REQUIRED' },
      { field: 'parties.3.id', code: 'ENOTARY_NOTARY_IS_PARTY' },
      { field: 'parties.3.share', code: 'ENOTARY_SHARE_INVALID', params: { share: '0' } },
      { field: 'parties', code: 'ENOTARY_PARTY_ROLE_MISSING', params: { role: 'buyer' } },
      { field: 'cadastralNumber', code: 'ENOTARY_CADASTRAL_INVALID_FORMAT' },
    ]);
    expect(() => assertActDraft(profile, draft)).toThrow(
      expect.objectContaining({ code: 'ENOTARY_ACT_DRAFT_INVALID', status: 400 }),
    );
  });

  it('checks the notary’s own IIN and a representative’s', () => {
    const draft = sale({
      notaryIin: '000000000000',
      parties: [
        {
          role: 'seller',
          kind: 'person',
          id: IIN.seller,
          share: parseShare('1'),
          representative: { iin: IIN.seller, powerOfAttorney: POA_NUMBER },
        },
        {
          role: 'buyer',
          kind: 'person',
          id: IIN.buyer,
          share: parseShare('1'),
          representative: { iin: '123', powerOfAttorney: POA_NUMBER },
        },
      ],
    });
    expect(actDraftProblems(profile, draft).map((p) => `${p.field} ${p.code}`)).toEqual([
      'notaryIin IDENTITY_ID_BAD_CENTURY_DIGIT',
      'parties.0.representative.iin ENOTARY_REPRESENTATIVE_IS_PARTY',
      'parties.1.representative.iin IDENTITY_ID_WRONG_LENGTH',
    ]);
  });

  it('requires the object of a sale, and shares only in a sale', () => {
    expect(actDraftProblems(profile, sale({ cadastralNumber: undefined }))).toEqual([
      { field: 'cadastralNumber', code: 'ENOTARY_CADASTRAL_REQUIRED' },
    ]);
    const copy: ActDraft = {
      kind: 'copy-certification',
      notaryIin: IIN.notary,
      parties: [{ role: 'applicant', kind: 'person', id: IIN.buyer, share: parseShare('1/2') }],
    };
    expect(actDraftProblems(profile, copy)).toEqual([
      { field: 'parties.0.share', code: 'ENOTARY_SHARE_NOT_EXPECTED' },
    ]);
  });

  it('requires a power of attorney’s scope, valid objects in it, and a person as representative', () => {
    const base: ActDraft = {
      kind: 'power-of-attorney',
      notaryIin: IIN.notary,
      parties: [
        { role: 'principal', kind: 'organisation', id: BIN.company },
        { role: 'representative', kind: 'person', id: IIN.representative },
      ],
      powerOfAttorney: {
        scope: { actKinds: ['real-estate-sale'], objects: 'any' },
        validUntil: null,
      },
    };
    expect(actDraftProblems(profile, base)).toEqual([]);
    expect(actDraftProblems(profile, { ...base, powerOfAttorney: undefined })).toEqual([
      { field: 'powerOfAttorney.scope', code: 'ENOTARY_POA_SCOPE_REQUIRED' },
    ]);
    expect(
      actDraftProblems(profile, {
        ...base,
        powerOfAttorney: { scope: { actKinds: ['consent'], objects: ['bad'] }, validUntil: null },
      }),
    ).toEqual([
      { field: 'powerOfAttorney.scope.objects.0', code: 'ENOTARY_CADASTRAL_INVALID_FORMAT' },
    ]);
    expect(
      actDraftProblems(profile, {
        ...base,
        parties: [
          { role: 'principal', kind: 'person', id: IIN.seller },
          { role: 'representative', kind: 'organisation', id: BIN.company },
        ],
      }),
    ).toEqual([{ field: 'parties', code: 'ENOTARY_REPRESENTATIVE_NOT_PERSON' }]);
  });
});
