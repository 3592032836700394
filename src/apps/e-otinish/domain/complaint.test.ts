import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, assertLocalDate, localDate } from '../../../platform/calendar/local-date.js';
import { DomainError } from '../../../platform/errors.js';
import { almaty, anyInstant, kz } from '../test/kz-legal-calendar.js';
import { addCalendarMonths } from '../../../platform/calendar/calendar-months.js';
import { admitComplaint, complaintWindow, draftComplaint } from './complaint.js';

describe('complaint window (Art. 92: 3 months)', () => {
  it('ends on the same day 3 months on, or the next working day', () => {
    // Decided Wednesday 15 April 2026: to Wednesday 15 July.
    expect(complaintWindow(almaty('2026-04-15', '16:00'), kz).lastDay).toBe('2026-07-15');
    // Deemed refused at midnight starting 16 April: to Thursday 16 July.
    expect(complaintWindow(new Date('2026-04-15T19:00:00Z'), kz).lastDay).toBe('2026-07-16');
    // Decided 16 September: 16 December is Independence Day, so 17 December.
    expect(complaintWindow(almaty('2026-09-16'), kz).lastDay).toBe('2026-12-17');
    // Decided 30 November: 28 February 2027 is a Sunday, so Monday 1 March.
    expect(complaintWindow(almaty('2026-11-30'), kz).lastDay).toBe('2027-03-01');
    // Decided 21 December: 21 March 2027 is Nauryz (Sunday); 21–23 and moved 24 March are off.
    expect(complaintWindow(almaty('2026-12-21'), kz).lastDay).toBe('2027-03-25');
  });

  it('always ends on a working day, no earlier than 3 months and with only days off after that', () => {
    fc.assert(
      fc.property(anyInstant(), (contestedAt) => {
        const window = complaintWindow(contestedAt, kz);
        const from = localDate(contestedAt, 'Asia/Almaty');
        const threeMonths = addCalendarMonths(from, 3);
        expect(window.countedFrom).toBe(from);
        expect(kz.calendar.isWorkingDay(window.lastDay)).toBe(true);
        expect(window.lastDay >= threeMonths).toBe(true);
        for (let d = threeMonths; d < window.lastDay; d = addDays(d, 1)) {
          expect(kz.calendar.isWorkingDay(d)).toBe(false);
        }
        const months =
          assertLocalDate(threeMonths).year * 12 +
          assertLocalDate(threeMonths).month -
          (assertLocalDate(from).year * 12 + assertLocalDate(from).month);
        expect(months).toBe(3);
      }),
    );
  });

  it('admits a complaint in time, a late one only with a restoration reason', () => {
    const window = complaintWindow(almaty('2026-04-15'), kz);
    expect(admitComplaint({ window, filedAt: almaty('2026-07-15', '23:59') })).toEqual({
      admitted: true,
      late: false,
    });
    expect(
      admitComplaint({
        window,
        filedAt: almaty('2026-07-16'),
        restorationReason: '  I was in hospital from 1 June to 20 July  ',
      }),
    ).toEqual({
      admitted: true,
      late: true,
      restorationReason: 'I was in hospital from 1 June to 20 July',
    });
    for (const restorationReason of [undefined, '', '   ']) {
      let error: unknown;
      try {
        admitComplaint({ window, filedAt: almaty('2026-07-16'), restorationReason });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        code: 'OTINISH_COMPLAINT_WINDOW_CLOSED',
        status: 422,
        params: { lastDay: '2026-07-15' },
        fields: [
          { field: 'restorationReason', code: 'OTINISH_COMPLAINT_RESTORATION_REASON_NEEDED' },
        ],
      });
    }
  });
});

describe('complaint draft', () => {
  it('is addressed to the higher body about the appeal, on the grounds given', () => {
    const deemedRefusedAt = new Date('2026-04-15T19:00:00Z');
    expect(
      draftComplaint(
        {
          appealReference: 'AKIMAT-ALMATY-2026-000007',
          higherBodyCode: 'ministry-digital',
          grounds: 'deemed-refusal',
          contestedAt: deemedRefusedAt,
        },
        kz,
      ),
    ).toEqual({
      addresseeBodyCode: 'ministry-digital',
      appealReference: 'AKIMAT-ALMATY-2026-000007',
      grounds: 'deemed-refusal',
      groundsText: 'otinish.complaint.grounds.deemedRefusal',
      contestedOn: '2026-04-16',
      window: complaintWindow(deemedRefusedAt, kz),
    });
    expect(
      draftComplaint(
        {
          appealReference: 'AKIMAT-ALMATY-2026-000007',
          higherBodyCode: 'ministry-digital',
          grounds: 'disputed-answer',
          contestedAt: almaty('2026-04-10'),
        },
        kz,
      ).groundsText,
    ).toBe('otinish.complaint.grounds.disputedAnswer');
  });

  it('is refused when the body has no higher body on record', () => {
    expect(() =>
      draftComplaint(
        {
          appealReference: 'MINISTRY-DIGITAL-2026-000001',
          higherBodyCode: undefined,
          grounds: 'deemed-refusal',
          contestedAt: almaty('2026-04-10'),
        },
        kz,
      ),
    ).toThrow(expect.objectContaining({ code: 'OTINISH_NO_HIGHER_BODY', status: 409 }));
  });
});
