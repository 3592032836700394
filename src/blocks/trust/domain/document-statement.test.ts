import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import {
  buildStatement,
  checkDraft,
  parseStatement,
  type DocumentDraft,
} from './document-statement.js';

const draft: DocumentDraft = {
  kind: 'notary.sale-act',
  title: { kk: 'Сатып алу-сату шарты', ru: 'Договор купли-продажи', en: 'Sale contract' },
  content: { price: 1000, flat: { cadastral: '20:311:015:123:4' } },
  summary: [{ label: { code: 'known.label' }, value: 'Алматы, Абай даңғылы' }],
  registerNumber: 'N-2025-000017',
  subjectPersonIds: ['0b7c5f0e-1d2a-4c3b-9e8f-000000000001'],
};
const known = (code: string) => code === 'known.label';

function problems(bad: Partial<DocumentDraft> | Record<string, unknown>): string[] {
  try {
    checkDraft({ ...draft, ...bad } as DocumentDraft, known);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('TRUST_DOCUMENT_INVALID');
    return (error as DomainError).fields.map((field) => `${field.field}:${field.code}`);
  }
  return [];
}

describe('document drafts', () => {
  it('accept a well-formed draft', () => {
    expect(problems({})).toEqual([]);
  });

  it('name every bad field', () => {
    expect(problems({ kind: 'Bad Kind' })).toEqual(['kind:TRUST_KIND_INVALID']);
    expect(problems({ title: { kk: 'a', ru: 'b' } })).toEqual(['title:TRUST_TEXT_INVALID']);
    expect(problems({ title: { code: 'unknown.code' } })).toEqual(['title:TRUST_TEXT_INVALID']);
    expect(problems({ content: [] })).toEqual(['content:TRUST_CONTENT_INVALID']);
    expect(problems({ content: { n: Infinity } })).toEqual(['content:TRUST_CONTENT_INVALID']);
    expect(problems({ summary: 'x' })).toEqual(['summary:TRUST_SUMMARY_INVALID']);
    expect(problems({ registerNumber: ' N-1' })).toEqual([
      'registerNumber:TRUST_REGISTER_NUMBER_INVALID',
    ]);
    expect(problems({ subjectPersonIds: ['850725400024'] })).toEqual([
      'subjectPersonIds:TRUST_SUBJECT_INVALID',
    ]);
  });

  it('refuse a public summary carrying something like an IIN, even spaced out', () => {
    for (const value of ['Seller 850725400024', 'ИИН 850 725 400 024', '8507-2540-0024'])
      expect(problems({ summary: [{ label: { code: 'known.label' }, value }] })).toEqual([
        'summary:TRUST_SUMMARY_PERSONAL_ID',
      ]);
  });
});

describe('statements', () => {
  const facts = {
    id: '5b1d7e44-0000-4000-8000-000000000001',
    issuedAt: '2025-05-01T10:00:00.000Z',
    issuer: { certificateSerial: '7f01', name: 'Notary A', kind: 'notary' },
  };

  it('are canonical text that parses back to the same statement', () => {
    const { statement, text } = buildStatement(draft, facts);
    expect(
      text.startsWith('{"content":{"flat":{"cadastral":"20:311:015:123:4"},"price":1000},'),
    ).toBe(true);
    expect(parseStatement(text)).toEqual(statement);
  });

  it('are refused when the stored text is not exactly canonical or not a statement', () => {
    const { text } = buildStatement(draft, facts);
    expect(parseStatement(text.replace('{"content"', '{ "content"'))).toBeUndefined();
    expect(parseStatement(text.slice(1))).toBeUndefined();
    expect(parseStatement('{"format":"other"}')).toBeUndefined();
  });
});
