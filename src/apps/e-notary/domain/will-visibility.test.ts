import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IIN } from '../test/fixtures.js';
import { canSeeWill, type InheritanceCaseSummary, type WillViewer } from './will-visibility.js';

const will = {
  registerNumber: 'W-21012345-2020-000003',
  testatorIin: IIN.seller,
  certifiedByIin: IIN.reviewer,
  certifiedAt: new Date('2020-05-05T06:00:00Z'),
};
const openCase: InheritanceCaseSummary = {
  registerNumber: 'I-21012345-2026-000001',
  testatorIin: IIN.seller,
  notaryIin: IIN.notary,
  status: 'open',
};
const dead = { iin: IIN.seller, deathDate: '2026-02-01' };
const alive = { iin: IIN.seller, deathDate: null };
const notary: WillViewer = { kind: 'notary', iin: IIN.notary };

describe('who may see that a will exists', () => {
  it('the notary of an open inheritance case of the testator, once the death is recorded', () => {
    expect(canSeeWill(notary, will, { testator: dead, inheritanceCases: [openCase] })).toEqual({
      visible: true,
      inheritanceCase: openCase.registerNumber,
    });
  });

  it('nobody while the testator is alive (or not found), even with a case on file', () => {
    expect(canSeeWill(notary, will, { testator: alive, inheritanceCases: [openCase] })).toEqual({
      visible: false,
      reason: 'death-not-recorded',
    });
    expect(
      canSeeWill(notary, will, { testator: undefined, inheritanceCases: [openCase] }),
    ).toMatchObject({
      visible: false,
    });
    // Facts about another person do not unseal this will.
    expect(
      canSeeWill(notary, will, {
        testator: { iin: IIN.buyer, deathDate: '2026-01-01' },
        inheritanceCases: [openCase],
      }),
    ).toMatchObject({ visible: false, reason: 'death-not-recorded' });
  });

  it('no other notary: not the one who certified it, not one with a case of someone else, not after the case closed', () => {
    const certifier: WillViewer = { kind: 'notary', iin: IIN.reviewer };
    expect(canSeeWill(certifier, will, { testator: dead, inheritanceCases: [openCase] })).toEqual({
      visible: false,
      reason: 'no-case-of-this-notary',
    });
    const otherTestator = { ...openCase, testatorIin: IIN.buyer };
    expect(
      canSeeWill(notary, will, { testator: dead, inheritanceCases: [otherTestator] }).visible,
    ).toBe(false);
    const closed = { ...openCase, status: 'closed' as const };
    expect(canSeeWill(notary, will, { testator: dead, inheritanceCases: [closed] }).visible).toBe(
      false,
    );
    expect(canSeeWill(notary, will, { testator: dead, inheritanceCases: [] }).visible).toBe(false);
  });

  it('never a citizen or an officer, whatever the facts', () => {
    for (const kind of ['citizen', 'officer'] as const) {
      expect(
        canSeeWill({ kind, iin: IIN.notary }, will, {
          testator: dead,
          inheritanceCases: [openCase],
        }),
      ).toEqual({
        visible: false,
        reason: 'not-a-notary',
      });
    }
  });

  it('property: visible implies notary, recorded death, and an open case of this notary for this testator', () => {
    const iins = [IIN.notary, IIN.seller, IIN.buyer, IIN.reviewer];
    fc.assert(
      fc.property(
        fc.constantFrom('notary' as const, 'citizen' as const, 'officer' as const),
        fc.constantFrom(...iins),
        fc.option(
          fc.record({
            iin: fc.constantFrom(...iins),
            deathDate: fc.option(fc.constant('2026-01-01')),
          }),
        ),
        fc.array(
          fc.record({
            registerNumber: fc.constant('I-1-2026-000001'),
            testatorIin: fc.constantFrom(...iins),
            notaryIin: fc.constantFrom(...iins),
            status: fc.constantFrom('open' as const, 'closed' as const),
          }),
          { maxLength: 4 },
        ),
        (kind, viewerIin, testator, inheritanceCases) => {
          const result = canSeeWill({ kind, iin: viewerIin }, will, {
            testator: testator ?? undefined,
            inheritanceCases,
          });
          const expected =
            kind === 'notary' &&
            testator?.iin === will.testatorIin &&
            testator.deathDate !== null &&
            inheritanceCases.some(
              (c) =>
                c.testatorIin === will.testatorIin &&
                c.notaryIin === viewerIin &&
                c.status === 'open',
            );
          expect(result.visible).toBe(expected);
        },
      ),
    );
  });
});
