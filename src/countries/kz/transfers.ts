import { transfer, type CalendarAdjustment } from '../../platform/calendar/adjustment.js';

/*
 * Days of rest the Government of Kazakhstan (until 2023 by decree, since 2024 the Minister of
 * Labour and Social Protection by order) moved under Art. 85(3) of the Labour Code "for the
 * rational use of working time". Each transfer makes one day a working day and another a day
 * off, for the five-day week the state bodies work. Sources: the decrees and orders as reported
 * by primeminister.kz, zakon.kz and Sputnik Kazakhstan at the time.
 *
 * Add a new year's transfers here when the order is published; until the next release an
 * operator adds them without code in the file named by CALENDAR_TRANSFERS_FILE.
 */
export const kzTransfers: readonly CalendarAdjustment[] = [
  ...transfer('2020-01-05', '2020-01-03', 'Government decree on transfers of days of rest in 2020'),
  // 9 May 2020 (Saturday) gave Monday 11 May off by law; the decree moved that day to 8 May.
  ...transfer('2020-05-11', '2020-05-08', 'Government decree on transfers of days of rest in 2020'),
  ...transfer('2020-12-20', '2020-12-18', 'Government decree on transfers of days of rest in 2020'),
  ...transfer('2021-07-03', '2021-07-05', 'Government decree on transfers of days of rest in 2021'),
  ...transfer('2022-03-05', '2022-03-07', 'Government decree no. 713 of 6 October 2021'),
  ...transfer('2022-08-27', '2022-08-29', 'Government decree no. 713 of 6 October 2021'),
  ...transfer('2022-10-22', '2022-10-24', 'Government decree no. 713 as amended in October 2022'),
  ...transfer('2023-07-01', '2023-07-07', 'Government decree of 25 April 2023'),
  ...transfer('2024-05-04', '2024-05-08', 'Order of the Minister of Labour of 17 April 2024'),
  ...transfer('2025-01-05', '2025-01-03', 'Order of the Minister of Labour of 21 November 2024'),
  // 2026: no transfer ordered (production calendar of the Ministry of Labour, December 2025).
];
