import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../platform/calendar/local-date.js';
import { almaty, anyDate, anyInstant, kz } from '../test/kz-legal-calendar.js';
import { decisionTerm } from './decision-term.js';
import { checkForwarding, forwardingTerm, registrationAtReceivingBody } from './forwarding.js';
import { registrationDayOf } from './registration-day.js';

describe('forwarding outside competence (Art. 65: 3 working days)', () => {
  it('ends on the third working day after registration', () => {
    // Registered Friday 20 March 2026: Nauryz days off 23–25 March, so 26, 27 and 30 March.
    expect(forwardingTerm('2026-03-20', kz).lastDay).toBe('2026-03-30');
    // Registered Tuesday 15 December 2026: 16 December is off, so 17, 18 and 21 December.
    expect(forwardingTerm('2026-12-15', kz).lastDay).toBe('2026-12-21');
    expect(forwardingTerm('2026-04-28', kz).lastDay).toBe('2026-05-04'); // 1 May is off
  });

  it('is on time to the last minute of the last day, Almaty time, for the forwarding and the notice', () => {
    const check = (forwardedAt: Date, noticeSentAt: Date) =>
      checkForwarding({ registrationDate: '2026-03-20', forwardedAt, noticeSentAt }, kz);
    expect(check(almaty('2026-03-30', '23:59'), almaty('2026-03-30', '23:59'))).toMatchObject({
      forwardedOnTime: true,
      noticeOnTime: true,
    });
    expect(check(almaty('2026-03-30', '12:00'), almaty('2026-03-31', '00:00'))).toMatchObject({
      forwardedOnTime: true,
      noticeOnTime: false,
    });
    expect(check(almaty('2026-03-31', '09:00'), almaty('2026-03-31', '09:00'))).toMatchObject({
      forwardedOnTime: false,
      noticeOnTime: false,
    });
  });

  it('always ends on a working day with exactly 3 working days after registration', () => {
    fc.assert(
      fc.property(anyDate(), (date) => {
        const registered = kz.calendar.firstWorkingDayFrom(date);
        const { lastDay } = forwardingTerm(registered, kz);
        expect(kz.calendar.isWorkingDay(lastDay)).toBe(true);
        let count = 0;
        for (let d = addDays(registered, 1); d <= lastDay; d = addDays(d, 1)) {
          if (kz.calendar.isWorkingDay(d)) count += 1;
        }
        expect(count).toBe(3);
      }),
    );
  });

  it('starts the receiving body’s 15 working days at its own registration', () => {
    fc.assert(
      fc.property(anyInstant(), (arrivedAt) => {
        const received = registrationAtReceivingBody(arrivedAt, kz);
        const { registrationDate } = registrationDayOf(arrivedAt, kz);
        expect(received.registrationDate).toBe(registrationDate);
        expect(received.decisionTerm).toEqual(decisionTerm(registrationDate, kz));
      }),
    );
    // First body registered it on 14 April; it arrives at the competent body on Saturday 18 April.
    const received = registrationAtReceivingBody(almaty('2026-04-18'), kz);
    expect(received.registrationDate).toBe('2026-04-20');
    expect(received.decisionTerm.lastDay).toBe('2026-05-14'); // 1, 7 and 11 May are off
  });
});
