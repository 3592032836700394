import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarMonths } from '../../../platform/calendar/calendar-months.js';
import {
  addDays,
  dayNumber,
  fromDayNumber,
  type LocalDate,
} from '../../../platform/calendar/local-date.js';
import { sanctionsOf, standingOn } from './sanctions.js';

describe('the sanction ladder', () => {
  it('never sanctions one revocation', () => {
    expect(sanctionsOf(['2026-03-10'])).toEqual([]);
    expect(standingOn(['2026-03-10'], '2026-03-10')).toEqual({ standing: 'good' });
  });

  it('restricts for a year from the second revocation within 12 months, then six months of probation', () => {
    const revocations = ['2026-11-20', '2026-03-10']; // any order
    expect(sanctionsOf(revocations)).toEqual([
      {
        triggeredOn: '2026-11-20',
        revocations: ['2026-03-10', '2026-11-20'],
        restrictedFrom: '2026-11-20',
        restrictedTo: '2027-11-19',
        probationFrom: '2027-11-20',
        probationTo: '2028-05-19',
      },
    ]);
    expect(standingOn(revocations, '2026-11-19')).toEqual({ standing: 'good' });
    expect(standingOn(revocations, '2026-11-20')).toMatchObject({
      standing: 'restricted',
      until: '2027-11-19',
    });
    expect(standingOn(revocations, '2027-11-19').standing).toBe('restricted');
    expect(standingOn(revocations, '2027-11-20')).toMatchObject({
      standing: 'probation',
      until: '2028-05-19',
    });
    expect(standingOn(revocations, '2028-05-19').standing).toBe('probation');
    expect(standingOn(revocations, '2028-05-20')).toEqual({ standing: 'good' });
  });

  it('counts the 12 months with both ends included, as months are counted by law', () => {
    expect(sanctionsOf(['2026-01-10', '2027-01-10'])).toHaveLength(1);
    expect(sanctionsOf(['2026-01-10', '2027-01-11'])).toEqual([]);
    // 29 February: 12 months on is 28 February.
    expect(sanctionsOf(['2028-02-29', '2029-02-28'])).toHaveLength(1);
    expect(sanctionsOf(['2028-02-28', '2029-03-01'])).toEqual([]);
  });

  it('spends the two revocations of a pair: a third starts a new count', () => {
    const sanctions = sanctionsOf(['2026-03-01', '2026-04-01', '2026-05-01']);
    expect(sanctions.map((s) => s.triggeredOn)).toEqual(['2026-04-01']);
    const four = sanctionsOf(['2026-03-01', '2026-04-01', '2026-05-01', '2027-02-01']);
    expect(four.map((s) => s.triggeredOn)).toEqual(['2026-04-01', '2027-02-01']);
    // A new pair during a restriction runs its own year from its own day.
    expect(
      standingOn(['2026-03-01', '2026-04-01', '2026-05-01', '2027-02-01'], '2027-04-02'),
    ).toMatchObject({ standing: 'restricted', until: '2028-01-31' });
  });

  const anyDay = () =>
    fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2032-12-31') }).map(fromDayNumber);

  it('property: every sanction stands on two revocations within 12 months, and lasts a year and six months', () => {
    fc.assert(
      fc.property(fc.array(anyDay(), { maxLength: 12 }), (revocations) => {
        const sanctions = sanctionsOf(revocations);
        const used = sanctions.flatMap((s) => s.revocations);
        // No revocation serves in two sanctions: the used ones are a sub-multiset of the given.
        const left = [...revocations];
        for (const day of used) {
          const at = left.indexOf(day);
          expect(at).toBeGreaterThanOrEqual(0);
          left.splice(at, 1);
        }
        for (const s of sanctions) {
          const [first, second] = s.revocations;
          expect(first <= second).toBe(true);
          expect(first >= addCalendarMonths(second, -12)).toBe(true);
          expect(s.restrictedFrom).toBe(second);
          expect(addDays(s.restrictedTo, 1)).toBe(addCalendarMonths(second, 12));
          expect(s.probationFrom).toBe(addDays(s.restrictedTo, 1));
          expect(addDays(s.probationTo, 1)).toBe(addCalendarMonths(second, 18));
        }
        // At most one sanction per two revocations.
        expect(sanctions.length * 2).toBeLessThanOrEqual(revocations.length);
      }),
    );
  });

  it('property: any two revocations at most 12 months apart put the architect under a sanction on the later day', () => {
    fc.assert(
      fc.property(fc.array(anyDay(), { minLength: 2, maxLength: 8 }), (revocations) => {
        const sorted = [...revocations].sort();
        const closePair = sorted.some(
          (day, i) => i > 0 && sorted[i - 1]! >= addCalendarMonths(day, -12),
        );
        const everSanctioned = sortedDays(sorted).some(
          (day) => standingOn(sorted, day).standing !== 'good',
        );
        expect(everSanctioned).toBe(closePair);
      }),
    );
  });
});

/** The revocation days themselves: a sanction begins on one of them, if ever. */
const sortedDays = (days: LocalDate[]) => [...new Set(days)].sort();
