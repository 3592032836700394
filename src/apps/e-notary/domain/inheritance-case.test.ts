import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kzHolidays } from '../../../countries/kz/holidays.js';
import { addDays, dayNumber } from '../../../platform/calendar/local-date.js';
import { createWorkingCalendar } from '../../../platform/calendar/working-calendar.js';
import { IIN, moment, notaryLicence } from '../test/fixtures.js';
import { addCalendarMonths } from '../../../platform/calendar/calendar-months.js';
import {
  acceptanceTermEnds,
  addHeir,
  decideInheritance,
  openInheritanceCase,
  type InheritanceCase,
  type OpenCaseFacts,
} from './inheritance-case.js';
import type { PersonFact } from './facts.js';

const calendar = createWorkingCalendar(kzHolidays);
const request = {
  registerNumber: 'I-21012345-2026-000001',
  testatorIin: IIN.seller,
  notaryIin: IIN.notary,
};
const dead: PersonFact = { iin: IIN.seller, deathDate: '2026-01-15' };
const openFacts: OpenCaseFacts = {
  testator: dead,
  notaryLicence: notaryLicence(),
  openCaseExists: false,
};
/** Noon in Almaty on a given day. */
const on = (date: string) => moment(new Date(`${date}T07:00:00Z`));
const opened = (): InheritanceCase =>
  openInheritanceCase(request, openFacts, on('2026-03-20'), calendar);

describe('acceptance term (Civil Code Art. 1072: six months)', () => {
  it('ends on the same day six months on, or the month’s last day', () => {
    expect(acceptanceTermEnds('2026-01-15', calendar)).toBe('2026-07-15'); // Wednesday
    // 31 August + 6 months = 28 February 2026, a Saturday: the next working day.
    expect(acceptanceTermEnds('2025-08-31', calendar)).toBe('2026-03-02');
  });

  it('moves off a weekend or holiday to the next working day', () => {
    // 2026-01-18 + 6 months = Saturday 2026-07-18 → Monday 2026-07-20.
    expect(acceptanceTermEnds('2026-01-18', calendar)).toBe('2026-07-20');
    // 2025-12-16 + 6 months = 2026-06-16, a Tuesday: stays.
    expect(acceptanceTermEnds('2025-12-16', calendar)).toBe('2026-06-16');
  });

  it('property: ends on a working day, no earlier than six calendar months and within a few days of it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2035-12-31') }),
        (day) => {
          const death = addDays('1970-01-01', day);
          const plain = addCalendarMonths(death, 6);
          const ends = acceptanceTermEnds(death, calendar);
          expect(calendar.isWorkingDay(ends)).toBe(true);
          expect(ends >= plain).toBe(true);
          expect(dayNumber(ends) - dayNumber(plain)).toBeLessThanOrEqual(10);
        },
      ),
    );
  });
});

describe('opening an inheritance case', () => {
  it('opens on the recorded death, with the acceptance term', () => {
    expect(opened()).toEqual({
      ...request,
      openedOn: '2026-01-15',
      caseOpenedAt: on('2026-03-20').now,
      acceptanceEnds: '2026-07-15',
      status: 'open',
      heirs: [],
    });
  });

  it('refuses without a recorded death, for an unknown person, or twice', () => {
    const refuse = (facts: Partial<OpenCaseFacts>, code: string) =>
      expect(() =>
        openInheritanceCase(request, { ...openFacts, ...facts }, on('2026-03-20'), calendar),
      ).toThrow(expect.objectContaining({ code }));
    refuse(
      { testator: { iin: IIN.seller, deathDate: null } },
      'ENOTARY_INHERITANCE_DEATH_NOT_RECORDED',
    );
    refuse(
      { testator: { iin: IIN.seller, deathDate: '2026-04-01' } },
      'ENOTARY_INHERITANCE_DEATH_NOT_RECORDED',
    );
    refuse({ testator: undefined }, 'ENOTARY_INHERITANCE_TESTATOR_UNKNOWN');
    refuse(
      { testator: { iin: IIN.buyer, deathDate: '2026-01-15' } },
      'ENOTARY_INHERITANCE_TESTATOR_UNKNOWN',
    );
    refuse({ openCaseExists: true }, 'ENOTARY_INHERITANCE_CASE_EXISTS');
  });

  it('refuses a notary without a valid licence', () => {
    expect(() =>
      openInheritanceCase(
        request,
        { ...openFacts, notaryLicence: notaryLicence({ status: 'suspended' }) },
        on('2026-03-20'),
        calendar,
      ),
    ).toThrow(expect.objectContaining({ code: 'ENOTARY_CHECK_LICENCE_NOT_ACTIVE', status: 403 }));
    expect(() =>
      openInheritanceCase(
        request,
        { ...openFacts, notaryLicence: undefined },
        on('2026-03-20'),
        calendar,
      ),
    ).toThrow(expect.objectContaining({ code: 'ENOTARY_CHECK_LICENCE_NOT_FOUND' }));
  });
});

describe('heirs', () => {
  const withHeirs = () =>
    addHeir(addHeir(opened(), { iin: IIN.buyer, basis: 'law', queue: 1 }), {
      iin: IIN.coOwner,
      basis: 'will',
      queue: null,
    });

  it('are added by will or by law (queue 1–8)', () => {
    expect(withHeirs().heirs.map((h) => [h.iin, h.basis, h.queue, h.decision])).toEqual([
      [IIN.buyer, 'law', 1, 'pending'],
      [IIN.coOwner, 'will', null, 'pending'],
    ]);
  });

  it('refuses the testator, a duplicate and a bad queue', () => {
    expect(() => addHeir(opened(), { iin: IIN.seller, basis: 'law', queue: 1 })).toThrow(
      expect.objectContaining({ code: 'ENOTARY_HEIR_IS_TESTATOR' }),
    );
    expect(() => addHeir(withHeirs(), { iin: IIN.buyer, basis: 'will', queue: null })).toThrow(
      expect.objectContaining({ code: 'ENOTARY_HEIR_DUPLICATE' }),
    );
    for (const [basis, queue] of [
      ['law', null],
      ['law', 0],
      ['law', 9],
      ['law', 1.5],
      ['will', 1],
    ] as const) {
      expect(
        () => addHeir(opened(), { iin: IIN.buyer, basis, queue }),
        `${basis} ${queue}`,
      ).toThrow(expect.objectContaining({ code: 'ENOTARY_HEIR_QUEUE_INVALID' }));
    }
  });

  it('accept or refuse up to and including the last day of the term', () => {
    const accepted = decideInheritance(withHeirs(), IIN.buyer, 'accepted', on('2026-07-15'));
    expect(accepted.heirs[0]).toMatchObject({ decision: 'accepted', decidedOn: '2026-07-15' });
    const refused = decideInheritance(withHeirs(), IIN.coOwner, 'refused', on('2026-02-01'));
    expect(refused.heirs[1]).toMatchObject({ decision: 'refused', decidedOn: '2026-02-01' });
  });

  it('refuse after the term, a second decision, and someone not listed', () => {
    expect(() => decideInheritance(withHeirs(), IIN.buyer, 'accepted', on('2026-07-16'))).toThrow(
      expect.objectContaining({
        code: 'ENOTARY_INHERITANCE_TERM_PASSED',
        params: { acceptanceEnds: '2026-07-15' },
      }),
    );
    const accepted = decideInheritance(withHeirs(), IIN.buyer, 'accepted', on('2026-03-21'));
    expect(() => decideInheritance(accepted, IIN.buyer, 'refused', on('2026-03-22'))).toThrow(
      expect.objectContaining({ code: 'ENOTARY_HEIR_ALREADY_DECIDED' }),
    );
    expect(() =>
      decideInheritance(withHeirs(), IIN.stranger, 'accepted', on('2026-03-21')),
    ).toThrow(expect.objectContaining({ code: 'ENOTARY_HEIR_NOT_LISTED' }));
  });

  it('are frozen once the case is closed', () => {
    const closed = { ...withHeirs(), status: 'closed' as const };
    expect(() => addHeir(closed, { iin: IIN.stranger, basis: 'will', queue: null })).toThrow(
      expect.objectContaining({ code: 'ENOTARY_INHERITANCE_CASE_CLOSED' }),
    );
    expect(() => decideInheritance(closed, IIN.buyer, 'accepted', on('2026-03-21'))).toThrow(
      expect.objectContaining({ code: 'ENOTARY_INHERITANCE_CASE_CLOSED' }),
    );
  });

  it('property: a decision is accepted exactly on days up to the term’s end (Almaty calendar)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200, max: 200 }), (offset) => {
        const day = addDays('2026-07-15', offset);
        const attempt = () => decideInheritance(withHeirs(), IIN.buyer, 'accepted', on(day));
        if (offset <= 0) expect(attempt().heirs[0]?.decision).toBe('accepted');
        else
          expect(attempt).toThrow(
            expect.objectContaining({ code: 'ENOTARY_INHERITANCE_TERM_PASSED' }),
          );
      }),
    );
  });
});
