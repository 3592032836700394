import { localDate } from '../../../platform/calendar/local-date.js';
import { DomainError } from '../../../platform/errors.js';
import { REGISTERS, type Register, type RegisterLetter } from './act-kinds.js';

/*
 * Register numbers. Each notary enters notarial actions in a register, in the order they are performed, numbered
 * anew each year (Law "On Notaries", Chapter 7); ENIS makes the number unique across the
 * country by prefixing the notary's licence number. The design:
 *
 *   A-21012345-2026-000042
 *   │ │        │    └ sequence within this register, licence and year, from 1; at least 6 digits
 *   │ │        └ year the entry was made
 *   │ └ the notary's licence number (digits and Latin capitals, up to 20)
 *   └ register: A notarial acts, W wills, I inheritance cases
 *
 * Hyphens, not slashes: the number appears in verification links and must survive a URL path
 * unescaped. It holds no personal identifier. The sequence is handed in (the repository takes
 * the next one inside the transaction that writes the entry, under a unique constraint).
 */

export interface RegisterNumber {
  register: Register;
  licenceNumber: string;
  year: number;
  sequence: number;
}

const LETTER_TO_REGISTER = Object.fromEntries(
  Object.entries(REGISTERS).map(([register, letter]) => [letter, register as Register]),
) as Record<RegisterLetter, Register>;

const LICENCE = /^[0-9A-Z]{1,20}$/;
const SHAPE = /^([AWI])-([0-9A-Z]{1,20})-(\d{4})-(\d{6,9})$/;
const MIN_YEAR = 1997; // the Law "On Notaries" and its registers
const MAX_YEAR = 9999;
const MAX_SEQUENCE = 999_999_999;

function problems(value: RegisterNumber): string | null {
  if (!LICENCE.test(value.licenceNumber)) return 'licence';
  if (!Number.isInteger(value.year) || value.year < MIN_YEAR || value.year > MAX_YEAR) {
    return 'year';
  }
  if (!Number.isInteger(value.sequence) || value.sequence < 1 || value.sequence > MAX_SEQUENCE) {
    return 'sequence';
  }
  return null;
}

/**
 * The canonical text of a register number. Outcomes: the text, or ENOTARY_REGISTER_NUMBER_INVALID
 * when a part is out of range (a programming error upstream: the parts come from the register).
 */
export function formatRegisterNumber(value: RegisterNumber): string {
  const problem = problems(value);
  if (problem) throw new DomainError('ENOTARY_REGISTER_NUMBER_INVALID', 400, { part: problem });
  const sequence = String(value.sequence).padStart(6, '0');
  return `${REGISTERS[value.register]}-${value.licenceNumber}-${value.year}-${sequence}`;
}

/**
 * Reads a register number typed by a person (spaces around it and lower case are forgiven).
 * Returns undefined for anything that is not exactly one canonical number: each number has one
 * spelling, so the register's unique index is on the text itself.
 */
export function findRegisterNumber(text: string): RegisterNumber | undefined {
  const match = SHAPE.exec(text.trim().toUpperCase());
  if (!match) return undefined;
  const [, letter, licenceNumber, year, sequence] = match as unknown as [
    string,
    RegisterLetter,
    string,
    string,
    string,
  ];
  // One spelling per number: more than six digits only without a leading zero.
  if (sequence.length > 6 && sequence.startsWith('0')) return undefined;
  const value: RegisterNumber = {
    register: LETTER_TO_REGISTER[letter],
    licenceNumber,
    year: Number(year),
    sequence: Number(sequence),
  };
  return problems(value) ? undefined : value;
}

/** As findRegisterNumber, but a bad number is ENOTARY_REGISTER_NUMBER_INVALID (status 400). */
export function parseRegisterNumber(text: string, expected?: Register): RegisterNumber {
  const value = findRegisterNumber(text);
  if (!value) throw new DomainError('ENOTARY_REGISTER_NUMBER_INVALID', 400, { part: 'format' });
  if (expected && value.register !== expected) {
    throw new DomainError('ENOTARY_REGISTER_NUMBER_WRONG_REGISTER', 400, {
      expected: REGISTERS[expected],
    });
  }
  return value;
}

/**
 * The number of a new entry made at `now`: the year is the country's calendar year at that
 * moment (an act signed at 00:30 on 1 January in Almaty belongs to the new year).
 */
export function newRegisterNumber(
  register: Register,
  licenceNumber: string,
  sequence: number,
  moment: { now: Date; timeZone: string },
): string {
  const year = Number(localDate(moment.now, moment.timeZone).slice(0, 4));
  return formatRegisterNumber({ register, licenceNumber, year, sequence });
}
