import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  isoWeekday,
  localDate,
} from '../../../platform/calendar/local-date.js';
import { almaty, anyInstant, kz } from '../test/kz-legal-calendar.js';
import { registerAppeal } from './registration.js';
import { registrationDayOf } from './registration-day.js';

const named = { anonymous: false, reportsCrime: false, reportsSecurityThreat: false };

describe('registration day', () => {
  it.each([
    ['a working day, in the morning', almaty('2026-04-14', '09:00'), '2026-04-14'],
    ['a working day, late at night', almaty('2026-04-14', '23:59'), '2026-04-14'],
    ['a Saturday', almaty('2026-04-18'), '2026-04-20'],
    ['a Sunday', almaty('2026-04-19'), '2026-04-20'],
    // Nauryz 21–23 March 2026 falls on Saturday to Monday: 24 and 25 March are days off too.
    ['Nauryz', almaty('2026-03-22'), '2026-03-26'],
    [
      'the evening of 20 March in UTC, already Nauryz in Almaty',
      new Date('2026-03-20T20:30:00Z'),
      '2026-03-26',
    ],
    ['1 May (Friday, Unity Day)', almaty('2026-05-01'), '2026-05-04'],
    // Victory Day 9 May 2026 is a Saturday: Monday 11 May is the day off for it.
    ['Victory Day weekend', almaty('2026-05-09'), '2026-05-12'],
    ['Independence Day (Wednesday 16 December)', almaty('2026-12-16'), '2026-12-17'],
    ['New Year’s Eve, a Thursday', almaty('2026-12-31', '22:00'), '2026-12-31'],
    ['New Year’s Eve, a Sunday', almaty('2028-12-31'), '2029-01-03'],
    // The government made Sunday 5 January 2020 a working day (for Friday 3 January).
    ['Saturday 4 January 2020', almaty('2020-01-04'), '2020-01-05'],
    // 2 January 2027 is a Saturday: its day off moves to Monday 4 January.
    ['2 January 2027', almaty('2027-01-02'), '2027-01-05'],
  ])('of an appeal received on %s', (_, receivedAt, expected) => {
    expect(registrationDayOf(receivedAt, kz).registrationDate).toBe(expected);
  });

  it('is the day of receipt when that is a working day, else the first working day after it', () => {
    fc.assert(
      fc.property(anyInstant(), (receivedAt) => {
        const { receivedOn, registrationDate } = registrationDayOf(receivedAt, kz);
        expect(receivedOn).toBe(localDate(receivedAt, 'Asia/Almaty'));
        expect(kz.calendar.isWorkingDay(registrationDate)).toBe(true);
        expect(registrationDate >= receivedOn).toBe(true);
        for (let d = receivedOn; d < registrationDate; d = addDays(d, 1)) {
          expect(kz.calendar.isWorkingDay(d)).toBe(false);
        }
        // No run of days off in Kazakhstan is longer than a week or so.
        expect(dayNumber(registrationDate) - dayNumber(receivedOn)).toBeLessThan(10);
      }),
    );
  });
});

describe('an appeal received at the weekend', () => {
  it('is registered on Monday, or on the first working day after the holidays that follow', () => {
    fc.assert(
      fc.property(anyInstant(), (instant) => {
        const receivedOn = localDate(instant, 'Asia/Almaty');
        const weekday = isoWeekday(receivedOn);
        fc.pre(weekday >= 6 && !kz.calendar.isWorkingDay(receivedOn));
        const { registrationDate } = registrationDayOf(instant, kz);
        const monday = addDays(receivedOn, 8 - weekday);
        // A Sunday the government made a working day (5 January 2020) comes first.
        const sunday = addDays(receivedOn, 7 - weekday);
        if (sunday !== receivedOn && kz.calendar.isWorkingDay(sunday)) {
          expect(registrationDate).toBe(sunday);
        } else if (kz.calendar.isWorkingDay(monday)) expect(registrationDate).toBe(monday);
        else expect(registrationDate > monday).toBe(true);
      }),
    );
  });
});

describe('registerAppeal', () => {
  it('issues the coupon and starts both clocks for a named appeal', () => {
    const registration = registerAppeal(
      {
        bodyCode: 'akimat-almaty',
        sequence: 7,
        receivedAt: almaty('2026-03-21', '10:15'),
        reports: named,
      },
      kz,
    );
    expect(registration.coupon).toEqual({
      number: 'AKIMAT-ALMATY-2026-000007',
      bodyCode: 'akimat-almaty',
      receivedAt: almaty('2026-03-21', '10:15'),
      registrationDate: '2026-03-26',
    });
    expect(registration.consideration).toEqual({ considered: true, reason: 'named' });
    expect(registration.decisionTerm?.lastDay).toBe('2026-04-16');
    expect(registration.forwardingTerm.lastDay).toBe('2026-03-31');
  });

  it('registers an anonymous appeal too, but starts no decision clock for it', () => {
    const registration = registerAppeal(
      {
        bodyCode: 'akimat-almaty',
        sequence: 8,
        receivedAt: almaty('2026-04-14'),
        reports: { ...named, anonymous: true },
      },
      kz,
    );
    expect(registration.coupon.number).toBe('AKIMAT-ALMATY-2026-000008');
    expect(registration.consideration).toEqual({ considered: false, reason: 'anonymous' });
    expect(registration.decisionTerm).toBeUndefined();
  });

  it('never refuses an appeal, whatever it reports', () => {
    fc.assert(
      fc.property(
        anyInstant(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (at, anonymous, crime, threat) => {
          const registration = registerAppeal(
            {
              bodyCode: 'ministry-digital',
              sequence: 1,
              receivedAt: at,
              reports: { anonymous, reportsCrime: crime, reportsSecurityThreat: threat },
            },
            kz,
          );
          expect(registration.coupon.number).toMatch(/^MINISTRY-DIGITAL-\d{4}-000001$/);
          expect(registration.consideration.considered).toBe(!anonymous || crime || threat);
          expect(registration.decisionTerm !== undefined).toBe(
            registration.consideration.considered,
          );
        },
      ),
    );
  });
});
