import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentStatus, type DocumentFacts } from './document-status.js';

const signed = new Date('2025-05-01T10:00:00Z');
const intact: DocumentFacts = {
  signatureValid: true,
  statementIntact: true,
  chainValid: true,
  withinValidity: true,
  issuedAt: signed,
  revocation: null,
  withdrawn: false,
};
const at = (offsetMs: number) => new Date(signed.getTime() + offsetMs);

describe('document status', () => {
  it('is valid when every check passes', () => {
    expect(documentStatus(intact)).toBe('valid');
  });

  it('is tampered when any check fails, whatever else is true', () => {
    for (const broken of ['signatureValid', 'statementIntact', 'chainValid', 'withinValidity'])
      expect(documentStatus({ ...intact, [broken]: false, withdrawn: true })).toBe('tampered');
  });

  it('is withdrawn before it is revoked', () => {
    expect(
      documentStatus({
        ...intact,
        withdrawn: true,
        revocation: { at: at(-1), reason: 'superseded' },
      }),
    ).toBe('withdrawn');
  });

  it('is revoked when the certificate was revoked at or before signing, valid when revoked after (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e10, max: 1e10 }),
        fc.constantFrom(
          'unspecified',
          'superseded',
          'affiliationChanged',
          'privilegeWithdrawn',
        ) as fc.Arbitrary<
          'unspecified' | 'superseded' | 'affiliationChanged' | 'privilegeWithdrawn'
        >,
        (offset, reason) => {
          const status = documentStatus({ ...intact, revocation: { at: at(offset), reason } });
          expect(status).toBe(offset <= 0 ? 'revoked' : 'valid');
        },
      ),
    );
  });

  it('is revoked for a key compromise even when it came after signing', () => {
    expect(
      documentStatus({ ...intact, revocation: { at: at(86_400_000), reason: 'keyCompromise' } }),
    ).toBe('revoked');
  });
});
