import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACT_KIND_NAMES, PARTY_ROLE_NAMES } from './domain/act-kinds.js';
import { eNotaryMessages } from './messages.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every stable code the domain can produce, as written in its source. */
const codes = new Set(
  sourceFiles(path.join(here, 'domain')).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/'(ENOTARY_[A-Z_]+)'/g)].map((m) => m[1]!),
  ),
);
const messages = eNotaryMessages as Record<
  string,
  { note: string; kk: string; ru: string; en: string }
>;

describe('e-Notary messages', () => {
  it('translate every code of the domain into kk, ru and en', () => {
    expect(codes.size).toBeGreaterThan(60);
    const missing = [...codes].filter((code) => !messages[`error.${code}`]);
    expect(missing).toEqual([]);
  });

  it('hold no error message for a code the domain no longer has', () => {
    const stale = Object.keys(messages)
      .filter((id) => id.startsWith('error.'))
      .filter((id) => !codes.has(id.slice('error.'.length)));
    expect(stale).toEqual([]);
  });

  it('name every act kind and party role', () => {
    for (const id of [...Object.values(ACT_KIND_NAMES), ...Object.values(PARTY_ROLE_NAMES)]) {
      expect(messages[id], id).toBeDefined();
    }
  });

  it('give every message a note and a distinct text per language', () => {
    for (const [id, message] of Object.entries(messages)) {
      for (const key of ['note', 'kk', 'ru', 'en'] as const) {
        expect(message[key].trim(), `${id}.${key}`).not.toBe('');
      }
      expect(message.kk, id).not.toBe(message.en);
      expect(message.ru, id).not.toBe(message.en);
    }
  });
});
