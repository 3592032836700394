import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../../../platform/calendar/local-date.js';
import { DomainError } from '../../../platform/errors.js';
import { almaty, anyDate, kz } from '../test/kz-legal-calendar.js';
import { addCalendarMonths } from '../../../platform/calendar/calendar-months.js';
import { decisionTerm } from './decision-term.js';
import { extendDecisionTerm, latestExtendedLastDay, type ExtensionDecision } from './extension.js';

// Registered Friday 20 March 2026: the original term ends on 15 April 2026.
const original = decisionTerm('2026-03-20', kz);
const decision: ExtensionDecision = {
  originalTerm: original,
  currentTerm: original,
  newLastDay: '2026-05-15',
  deciderRoles: ['officer', 'agency-head'],
  reasons: 'An expert opinion of the sanitary service is needed',
  decidedAt: almaty('2026-04-10', '11:00'),
};

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('extension of the decision term', () => {
  it('extends, and gives the applicant’s notice 3 working days from the decision', () => {
    const extension = extendDecisionTerm(decision, kz);
    expect(extension.term).toEqual({
      countedFrom: '2026-03-20',
      lastDay: '2026-05-15',
      expiresAt: new Date('2026-05-16T00:00:00+05:00'),
    });
    // Decided Friday 10 April: 13, 14, 15 April.
    expect(extension.noticeTerm.lastDay).toBe('2026-04-15');
    // A second extension decided on Thursday 30 April: 1 May is off, so 4, 5, 6 May.
    expect(
      extendDecisionTerm(
        {
          ...decision,
          currentTerm: extension.term,
          newLastDay: '2026-06-01',
          decidedAt: almaty('2026-04-30'),
        },
        kz,
      ).noticeTerm.lastDay,
    ).toBe('2026-05-06');
  });

  it('allows at most 2 months after the original last day, counted on the calendar', () => {
    // 15 April + 2 months = Monday 15 June 2026.
    expect(latestExtendedLastDay('2026-04-15', kz)).toBe('2026-06-15');
    expect(extendDecisionTerm({ ...decision, newLastDay: '2026-06-15' }, kz).term.lastDay).toBe(
      '2026-06-15',
    );
    expect(codeOf(() => extendDecisionTerm({ ...decision, newLastDay: '2026-06-16' }, kz))).toBe(
      'OTINISH_EXTENSION_TOO_LONG',
    );
    // 30 June + 2 months = Sunday 30 August 2026 (Constitution Day; 31 August is off for it):
    // the limit is the working day before, Friday 28 August.
    expect(latestExtendedLastDay('2026-06-30', kz)).toBe('2026-08-28');
    // 31 December + 2 months is 28 February (a Sunday in 2027): Friday 26 February.
    expect(latestExtendedLastDay('2026-12-31', kz)).toBe('2027-02-26');
  });

  it('counts the 2 months from the original term, however many extensions came before', () => {
    const first = extendDecisionTerm({ ...decision, newLastDay: '2026-05-15' }, kz);
    const second = extendDecisionTerm(
      {
        ...decision,
        currentTerm: first.term,
        newLastDay: '2026-06-15',
        decidedAt: almaty('2026-05-14'),
      },
      kz,
    );
    expect(second.term.lastDay).toBe('2026-06-15');
    expect(
      codeOf(() =>
        extendDecisionTerm(
          {
            ...decision,
            currentTerm: second.term,
            newLastDay: '2026-06-17',
            decidedAt: almaty('2026-06-01'),
          },
          kz,
        ),
      ),
    ).toBe('OTINISH_EXTENSION_TOO_LONG');
  });

  it('refuses with the stable code and a field where one applies', () => {
    expect(codeOf(() => extendDecisionTerm({ ...decision, deciderRoles: ['officer'] }, kz))).toBe(
      'OTINISH_EXTENSION_ROLE',
    );
    expect(codeOf(() => extendDecisionTerm({ ...decision, deciderRoles: [] }, kz))).toBe(
      'OTINISH_EXTENSION_ROLE',
    );
    expect(
      extendDecisionTerm({ ...decision, deciderRoles: ['officer', 'agency-deputy'] }, kz).term
        .lastDay,
    ).toBe('2026-05-15');
    let error: unknown;
    try {
      extendDecisionTerm({ ...decision, reasons: '   ' }, kz);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'OTINISH_EXTENSION_NO_REASONS',
      status: 422,
      fields: [{ field: 'reasons', code: 'OTINISH_EXTENSION_NO_REASONS' }],
    });
    // The term ends at midnight Almaty time after 15 April.
    expect(
      codeOf(() =>
        extendDecisionTerm({ ...decision, decidedAt: almaty('2026-04-16', '00:00') }, kz),
      ),
    ).toBe('OTINISH_EXTENSION_TERM_EXPIRED');
    expect(
      extendDecisionTerm({ ...decision, decidedAt: almaty('2026-04-15', '23:59') }, kz).term
        .lastDay,
    ).toBe('2026-05-15');
    expect(codeOf(() => extendDecisionTerm({ ...decision, newLastDay: '2026-04-15' }, kz))).toBe(
      'OTINISH_EXTENSION_NOT_LATER',
    );
    expect(codeOf(() => extendDecisionTerm({ ...decision, newLastDay: '2026-05-16' }, kz))).toBe(
      'OTINISH_EXTENSION_NOT_WORKING_DAY',
    );
    expect(codeOf(() => extendDecisionTerm({ ...decision, newLastDay: '2026-05-27' }, kz))).toBe(
      'OTINISH_EXTENSION_NOT_WORKING_DAY', // Kurban Ait 2026
    );
    expect(codeOf(() => extendDecisionTerm({ ...decision, newLastDay: '2026-05-32' }, kz))).toBe(
      'OTINISH_EXTENSION_NOT_A_DATE',
    );
    expect(codeOf(() => extendDecisionTerm({ ...decision, newLastDay: '15.05.2026' }, kz))).toBe(
      'OTINISH_EXTENSION_NOT_A_DATE',
    );
  });

  it('never lets the term pass 2 calendar months after the original last day', () => {
    fc.assert(
      fc.property(anyDate(), fc.integer({ min: 1, max: 80 }), (date, extraDays) => {
        const registered = kz.calendar.firstWorkingDayFrom(date);
        const originalTerm = decisionTerm(registered, kz);
        const cap = addCalendarMonths(originalTerm.lastDay, 2);
        const latest = latestExtendedLastDay(originalTerm.lastDay, kz);
        expect(kz.calendar.isWorkingDay(latest)).toBe(true);
        expect(latest <= cap).toBe(true);
        for (let d = addDays(latest, 1); d <= cap; d = addDays(d, 1)) {
          expect(kz.calendar.isWorkingDay(d)).toBe(false);
        }
        const newLastDay = kz.calendar.firstWorkingDayFrom(
          addDays(originalTerm.lastDay, extraDays),
        );
        const request = {
          ...decision,
          originalTerm,
          currentTerm: originalTerm,
          newLastDay,
          decidedAt: new Date(originalTerm.expiresAt.getTime() - 1),
        };
        if (newLastDay <= latest) {
          const { term, noticeTerm } = extendDecisionTerm(request, kz);
          expect(term.lastDay <= cap).toBe(true);
          expect(kz.calendar.isWorkingDay(noticeTerm.lastDay)).toBe(true);
          expect(kz.calendar.workingDaysBetween(originalTerm.lastDay, noticeTerm.lastDay)).toBe(3);
        } else {
          expect(codeOf(() => extendDecisionTerm(request, kz))).toBe('OTINISH_EXTENSION_TOO_LONG');
        }
        // Two months are never more than 62 days.
        expect(dayNumber(latest) - dayNumber(originalTerm.lastDay)).toBeLessThanOrEqual(62);
      }),
    );
  });
});
