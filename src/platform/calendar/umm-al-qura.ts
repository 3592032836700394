import { makeLocalDate, type LocalDate } from './local-date.js';

/*
 * Eid dates predicted by the Umm al-Qura calendar, computed with the ICU data built into Node
 * (Intl's `islamic-umalqura` calendar). National religious authorities fix the actual date from
 * the sighting of the new moon and announce it shortly before; it may differ by a day. Country
 * profiles therefore keep their own table of announced dates and use this only for years beyond
 * their table; the tests use it as an independent check of those tables.
 */

const hijri = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function hijriMonthDay(utcMs: number): [number, number] {
  const parts = Object.fromEntries(
    hijri.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]),
  );
  return [Number(parts.month), Number(parts.day)];
}

/** Gregorian dates in `year` that fall on the given Hijri month and day (one, sometimes two). */
function gregorianDatesOf(year: number, hijriMonth: number, hijriDay: number): LocalDate[] {
  const found: LocalDate[] = [];
  for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += 86_400_000) {
    const [month, day] = hijriMonthDay(ms);
    if (month === hijriMonth && day === hijriDay) {
      const date = new Date(ms);
      found.push(makeLocalDate(year, date.getUTCMonth() + 1, date.getUTCDate()));
    }
  }
  return found;
}

/** First day of Eid al-Fitr (1 Shawwal): Ораза айт, Орозо айт, Рамазон ҳайити, Иди Рамазон. */
export const eidAlFitr = (year: number): LocalDate[] => gregorianDatesOf(year, 10, 1);

/** First day of Eid al-Adha (10 Dhu al-Hijjah): Құрбан айт, Курман айт, Қурбон ҳайити, Иди Қурбон. */
export const eidAlAdha = (year: number): LocalDate[] => gregorianDatesOf(year, 12, 10);
