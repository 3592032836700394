import type { Transaction } from 'kysely';
import { publishStatuses, type TemplateParams } from '../../../blocks/messaging/index.js';
import type { Database } from '../../../platform/db/database.js';
import type { Tables } from '../../../platform/db/tables.js';
import { localDate } from '../../../platform/calendar/local-date.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { agencyNames } from '../repo/appeals-repo.js';

/** The page every message links to: the appeal page of the app. */
export const appealPath = (applicationId: string) => `/e-otinish/appeals/${applicationId}`;

/** A body's name in every UI language, for template parameters (one text for all languages). */
export async function bodyName(db: Database, code: string): Promise<string> {
  return bodyNameOf(await agencyNames(db), code);
}

/** The same, from the agency names already read. */
export function bodyNameOf(names: Map<string, Record<Locale, string>>, code: string): string {
  const name = names.get(code);
  return name ? `${name.kk} / ${name.ru} / ${name.en}` : code;
}

/** Local "YYYY-MM-DD HH:MM" of an instant in the country's time zone. */
export function localDateTime(instant: Date, timeZone: string): string {
  return `${localDate(instant, timeZone)} ${timeFormat(timeZone).format(instant)}`;
}

// Building a formatter costs far more than using one (it showed in intake's profile).
const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(timeZone, format);
  }
  return format;
}

/** A status of an appeal for its applicant. */
export interface ApplicantStatus {
  applicationId: string;
  personId: string;
  status: string;
  template: string;
  params: TemplateParams;
  at: Date;
}

/** Publishes a status of the appeal to its applicant, in the caller's transaction. */
export async function tellApplicant(trx: Database, input: ApplicantStatus): Promise<void> {
  await tellApplicants(trx, [input]);
}

/** Publishes statuses of several appeals to their applicants, in a few statements. */
export async function tellApplicants(trx: Database, inputs: ApplicantStatus[]): Promise<void> {
  await publishStatuses(
    trx as Transaction<Tables>,
    inputs.map((input) => ({
      subject: { kind: 'appeal', id: input.applicationId },
      recipient: { personId: input.personId },
      status: input.status,
      template: `e-otinish.${input.template}`,
      params: input.params,
      link: appealPath(input.applicationId),
      at: input.at,
    })),
  );
}
