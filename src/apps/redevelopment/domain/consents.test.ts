import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildingVoteStillPossible,
  consentStatus,
  twoThirdsOf,
  type ConsentAnswer,
} from './consents.js';
import { NO_CHANGES } from './test-changes.js';

const COMMON = { ...NO_CHANGES, commonPropertyAffected: true };
const answers = (entries: [string, ConsentAnswer][]) => new Map(entries);
/** Owners o1…on of a building. */
const owners = (n: number) => Array.from({ length: n }, (_, i) => `o${i + 1}`);

describe('consents', () => {
  it('always needs every owner of the flat, and no more when common property is untouched', () => {
    const input = { changes: NO_CHANGES, flatOwners: ['a', 'b'], buildingOwners: owners(30) };
    expect(consentStatus({ ...input, answers: answers([['a', 'given']]) })).toMatchObject({
      complete: false,
      waitingForFlatOwners: ['b'],
    });
    expect(
      consentStatus({
        ...input,
        answers: answers([
          ['a', 'given'],
          ['b', 'given'],
        ]),
      }),
    ).toEqual({
      complete: true,
      noFlatOwners: false,
      refusedByFlatOwners: [],
      waitingForFlatOwners: [],
      buildingWaived: false,
    });
  });

  it('stops at a flat owner’s refusal, whatever the building says', () => {
    const status = consentStatus({
      changes: COMMON,
      flatOwners: ['o1', 'o2'],
      buildingOwners: owners(9),
      answers: new Map(owners(9).map((id) => [id, id === 'o2' ? 'refused' : 'given'] as const)),
    });
    expect(status.complete).toBe(false);
    expect(status.refusedByFlatOwners).toEqual(['o2']);
  });

  it.each([
    [3, 2],
    [9, 6],
    [10, 7], // 6.67 rounds up: 6 of 10 is less than two thirds
    [11, 8],
    [12, 8],
    [100, 67],
  ])('needs %i of %i building owners', (total, needed) => {
    expect(twoThirdsOf(total)).toBe(needed);
  });

  it('counts the building owners once each, the flat’s owners among them', () => {
    const flatOwners = ['o1'];
    const buildingOwners = [...owners(8), 'o1', 'o2']; // duplicates: owners of several premises
    const given = answers(owners(6).map((id) => [id, 'given']));
    const status = consentStatus({ changes: COMMON, flatOwners, buildingOwners, answers: given });
    expect(status.building).toEqual({ owners: 8, given: 6, needed: 6 });
    expect(status.complete).toBe(true);
    const short = answers(owners(5).map((id) => [id, 'given']));
    expect(
      consentStatus({ changes: COMMON, flatOwners, buildingOwners, answers: short }).complete,
    ).toBe(false);
  });

  it('waives the building vote for an adaptation for a resident with a disability, never the flat owners', () => {
    const status = consentStatus({
      changes: { ...COMMON, forResidentWithDisability: true },
      flatOwners: ['o1'],
      buildingOwners: owners(40),
      answers: answers([['o1', 'given']]),
    });
    expect(status).toMatchObject({ complete: true, buildingWaived: true });
    expect(status.building).toBeUndefined();
    const withoutFlatOwner = consentStatus({
      changes: { ...COMMON, forResidentWithDisability: true },
      flatOwners: ['o1'],
      buildingOwners: owners(40),
      answers: answers([]),
    });
    expect(withoutFlatOwner.complete).toBe(false);
  });

  it('never completes for a flat with no registered owner', () => {
    const status = consentStatus({
      changes: NO_CHANGES,
      flatOwners: [],
      buildingOwners: [],
      answers: answers([]),
    });
    expect(status).toMatchObject({ complete: false, noFlatOwners: true });
  });

  it('property: with common property affected, complete exactly when all flat owners and two thirds of the building consent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.constantFrom<ConsentAnswer | undefined>('given', 'refused', undefined), {
          minLength: 60,
          maxLength: 60,
        }),
        (buildingSize, flatSize, votes) => {
          const building = owners(Math.max(buildingSize, flatSize));
          const flat = building.slice(0, flatSize);
          const given = new Map<string, ConsentAnswer>();
          building.forEach((id, i) => votes[i] && given.set(id, votes[i]!));
          const status = consentStatus({
            changes: COMMON,
            flatOwners: flat,
            buildingOwners: building,
            answers: given,
          });
          const yes = building.filter((id) => given.get(id) === 'given').length;
          const flatAll = flat.every((id) => given.get(id) === 'given');
          // 3 × yes ≥ 2 × owners, in integers: the definition of "at least two thirds".
          expect(status.complete).toBe(flatAll && 3 * yes >= 2 * building.length);
          const refused = building.filter((id) => given.get(id) === 'refused').length;
          // Still possible exactly when the undecided could still carry the vote.
          expect(buildingVoteStillPossible(status, refused)).toBe(
            3 * (building.length - refused) >= 2 * building.length,
          );
        },
      ),
    );
  });
});
