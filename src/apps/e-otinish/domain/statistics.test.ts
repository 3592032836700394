import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { almaty, anyDate, kz } from '../test/kz-legal-calendar.js';
import { decisionTerm } from './decision-term.js';
import { appealStatistics, type AppealSummary } from './statistics.js';

// Registered 20 March 2026: due by the end of 15 April.
const term = decisionTerm('2026-03-20', kz);
const base: AppealSummary = {
  agencyCode: 'akimat-almaty',
  region: 'almaty',
  registrationDate: '2026-03-20',
  term,
  extended: false,
  forwarded: false,
};
const now = almaty('2026-05-01');

describe('public statistics', () => {
  it('count received, on time, overdue, extended and forwarded, with the average working days', () => {
    const summaries: AppealSummary[] = [
      // Decided on 26 March: 1 working day after registration (23–25 March are off).
      { ...base, decidedAt: almaty('2026-03-26') },
      // Decided on 15 April at 23:00: the 15th working day, on time.
      { ...base, decidedAt: almaty('2026-04-15', '23:00') },
      // Decided on 20 April: late (18 working days).
      { ...base, decidedAt: almaty('2026-04-20') },
      // Not decided, term passed: overdue.
      { ...base },
      // Extended to 15 May, not decided yet: neither.
      {
        ...base,
        extended: true,
        term: { ...term, lastDay: '2026-05-15', expiresAt: almaty('2026-05-16', '00:00') },
      },
      // Forwarded: received here, counted at the competent body.
      { ...base, forwarded: true },
      // Anonymous, not considered: received only.
      { ...base, term: undefined },
      // Another agency and region; decided after `now`, so not yet.
      {
        ...base,
        agencyCode: 'ministry-digital',
        region: 'astana',
        decidedAt: almaty('2026-05-02'),
      },
    ];
    expect(appealStatistics(summaries, 'agency', now, kz)).toEqual([
      {
        key: 'akimat-almaty',
        received: 7,
        decidedOnTime: 2,
        overdue: 2,
        extended: 1,
        forwarded: 1,
        averageDays: Math.round(((1 + 15 + 18) / 3) * 10) / 10,
      },
      {
        key: 'ministry-digital',
        received: 1,
        decidedOnTime: 0,
        overdue: 1,
        extended: 0,
        forwarded: 0,
        averageDays: null,
      },
    ]);
    expect(appealStatistics(summaries, 'region', now, kz).map((row) => row.key)).toEqual([
      'almaty',
      'astana',
    ]);
    expect(appealStatistics([], 'region', now, kz)).toEqual([]);
  });

  it('never counts an appeal as both on time and overdue, nor more than were received', () => {
    const summary = fc.record({
      registered: anyDate(),
      decidedAfterHours: fc.option(fc.integer({ min: 0, max: 24 * 40 }), { nil: undefined }),
      extended: fc.boolean(),
      forwarded: fc.boolean(),
      considered: fc.boolean(),
      agency: fc.constantFrom('a', 'b'),
    });
    fc.assert(
      fc.property(
        fc.array(summary, { maxLength: 20 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        (rows, nowHours) => {
          const summaries = rows.map((row): AppealSummary => {
            const registrationDate = kz.calendar.firstWorkingDayFrom(row.registered);
            const registeredAt = almaty(registrationDate, '09:00').getTime();
            return {
              agencyCode: row.agency,
              region: 'r',
              registrationDate,
              term: row.considered ? decisionTerm(registrationDate, kz) : undefined,
              extended: row.extended,
              forwarded: row.forwarded,
              decidedAt:
                row.decidedAfterHours === undefined || !row.considered || row.forwarded
                  ? undefined
                  : new Date(registeredAt + row.decidedAfterHours * 3_600_000),
            };
          });
          const at = new Date(Date.parse('2020-01-01T00:00:00Z') + nowHours * 3_600_000 * 100);
          const stats = appealStatistics(summaries, 'agency', at, kz);
          expect(stats.reduce((n, row) => n + row.received, 0)).toBe(summaries.length);
          for (const row of stats) {
            expect(row.decidedOnTime + row.overdue + row.forwarded).toBeLessThanOrEqual(
              row.received,
            );
            expect(row.extended).toBeLessThanOrEqual(row.received);
            if (row.averageDays !== null) expect(row.averageDays).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
