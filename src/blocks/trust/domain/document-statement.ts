import { DomainError, type FieldProblem } from '../../../platform/errors.js';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.js';
import { canonicalJson } from '../../../platform/crypto/canonical-json.js';

/** Text in every UI language, or a message code the platform's catalogue translates. */
export type LocalisedText = Record<Locale, string> | { code: string };

/** One line of a document's public summary: a label and a value, nothing personal. */
export interface SummaryItem {
  label: LocalisedText;
  value: string;
}

/** What the issuer says about a document; the rest of the statement the trust block adds. */
export interface DocumentDraft {
  /** Dotted kind, e.g. `notary.sale-act`, `services.decision`. */
  kind: string;
  title: LocalisedText;
  /** The document's content as JSON (what the issuing app needs to re-read it). */
  content: Record<string, unknown>;
  /** A minimal, non-personal summary shown on the public verification page. */
  summary: SummaryItem[];
  /** The document's number in the issuing register, when it has one (e.g. an act number). */
  registerNumber?: string | null;
  /** People the document is about: they may download it. Never shown publicly. */
  subjectPersonIds?: string[];
}

/** The signed statement, version 1: every field a verifier shows comes from here. */
export interface DocumentStatement {
  format: typeof STATEMENT_FORMAT;
  id: string;
  kind: string;
  title: LocalisedText;
  content: Record<string, unknown>;
  summary: SummaryItem[];
  registerNumber: string | null;
  subjectPersonIds: string[];
  issuedAt: string;
  issuer: { certificateSerial: string; name: string; kind: string };
}

export const STATEMENT_FORMAT = 'ortaq.trust.document.v1';
const KIND = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;
const MESSAGE_CODE = /^[A-Za-z][A-Za-z0-9_.-]{0,199}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// A run of ten or more digits looks like a national identifier (IIN, BIN, PIN, PINFL…): a
// public summary must never carry one, so it is refused rather than printed.
const LOOKS_LIKE_NATIONAL_ID = /\d{10,}/;
const MAX_SUMMARY_ITEMS = 10;
const MAX_CONTENT_BYTES = 256 * 1024;

/**
 * Checks a draft before anything is signed. `knownCode` tells whether a message code exists.
 *
 * Outcomes: nothing; throws DomainError TRUST_DOCUMENT_INVALID (400) with one field problem per
 * fault: TRUST_KIND_INVALID, TRUST_TEXT_INVALID, TRUST_CONTENT_INVALID, TRUST_SUMMARY_INVALID,
 * TRUST_SUMMARY_PERSONAL_ID, TRUST_REGISTER_NUMBER_INVALID, TRUST_SUBJECT_INVALID.
 */
export function checkDraft(draft: DocumentDraft, knownCode: (code: string) => boolean): void {
  const problems: FieldProblem[] = [];
  if (typeof draft.kind !== 'string' || draft.kind.length > 200 || !KIND.test(draft.kind))
    problems.push({ field: 'kind', code: 'TRUST_KIND_INVALID' });
  if (!isLocalisedText(draft.title, knownCode))
    problems.push({ field: 'title', code: 'TRUST_TEXT_INVALID' });
  if (!isContent(draft.content)) problems.push({ field: 'content', code: 'TRUST_CONTENT_INVALID' });
  if (
    !Array.isArray(draft.summary) ||
    draft.summary.length > MAX_SUMMARY_ITEMS ||
    draft.summary.some(
      (item) =>
        !isLocalisedText(item?.label, knownCode) ||
        typeof item.value !== 'string' ||
        item.value.length > 500,
    )
  ) {
    problems.push({ field: 'summary', code: 'TRUST_SUMMARY_INVALID' });
  } else if (draft.summary.some((item) => summaryTexts(item).some(looksPersonal))) {
    problems.push({ field: 'summary', code: 'TRUST_SUMMARY_PERSONAL_ID' });
  }
  const number = draft.registerNumber;
  if (
    number != null &&
    (typeof number !== 'string' ||
      number.length < 1 ||
      number.length > 100 ||
      /\s{2}|^\s|\s$/.test(number))
  )
    problems.push({ field: 'registerNumber', code: 'TRUST_REGISTER_NUMBER_INVALID' });
  if (
    draft.subjectPersonIds !== undefined &&
    (!Array.isArray(draft.subjectPersonIds) ||
      draft.subjectPersonIds.length > 50 ||
      draft.subjectPersonIds.some((id) => typeof id !== 'string' || !UUID.test(id)))
  )
    problems.push({ field: 'subjectPersonIds', code: 'TRUST_SUBJECT_INVALID' });
  if (problems.length > 0) throw new DomainError('TRUST_DOCUMENT_INVALID', 400, {}, problems);
}

/** The statement for a checked draft, and its canonical bytes (what is signed). */
export function buildStatement(
  draft: DocumentDraft,
  facts: { id: string; issuedAt: string; issuer: DocumentStatement['issuer'] },
): { statement: DocumentStatement; text: string } {
  const statement: DocumentStatement = {
    format: STATEMENT_FORMAT,
    id: facts.id,
    kind: draft.kind,
    title: draft.title,
    content: draft.content,
    summary: draft.summary.map((item) => ({ label: item.label, value: item.value })),
    registerNumber: draft.registerNumber ?? null,
    subjectPersonIds: [...(draft.subjectPersonIds ?? [])],
    issuedAt: facts.issuedAt,
    issuer: facts.issuer,
  };
  return { statement, text: canonicalJson(statement) };
}

/**
 * The statement in stored text, if that text is exactly the canonical form of a version-1
 * statement; undefined otherwise (the stored bytes were altered or are not ours).
 */
export function parseStatement(text: string): DocumentStatement | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const statement = value as DocumentStatement;
  if (statement.format !== STATEMENT_FORMAT) return undefined;
  try {
    if (canonicalJson(statement) !== text) return undefined;
  } catch {
    return undefined;
  }
  return statement;
}

function isLocalisedText(value: unknown, knownCode: (code: string) => boolean): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  if ('code' in record)
    return (
      Object.keys(record).length === 1 &&
      typeof record.code === 'string' &&
      MESSAGE_CODE.test(record.code) &&
      knownCode(record.code)
    );
  return (
    Object.keys(record).length === LOCALES.length &&
    LOCALES.every(
      (locale) =>
        typeof record[locale] === 'string' &&
        (record[locale] as string).trim().length > 0 &&
        (record[locale] as string).length <= 500,
    )
  );
}

function isContent(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  try {
    return Buffer.byteLength(canonicalJson(value)) <= MAX_CONTENT_BYTES;
  } catch {
    return false;
  }
}

const summaryTexts = (item: SummaryItem): string[] => [
  item.value,
  ...('code' in item.label ? [] : Object.values(item.label)),
];
const looksPersonal = (text: string) => LOOKS_LIKE_NATIONAL_ID.test(text.replace(/[\s-]/g, ''));
