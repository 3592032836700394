import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageCatalogue, MessageDefinition } from '../src/platform/i18n/catalogue.js';
import { LOCALES } from '../src/platform/i18n/locales.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The message catalogues against the code: every message complete in kk, ru and en with a note,
 * every message used, every used id defined. A messages file is `messages.ts`, `*-messages.ts`
 * or any file in a `messages/` folder; code refers to ids as whole string literals.
 */
const SRC = path.resolve('src');

const isMessagesFile = (file: string) =>
  /(^|[/\\])(messages|[\w-]+-messages)\.ts$/.test(file) ||
  /[/\\]messages[/\\][^/\\]+\.ts$/.test(file);

function listSources(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const looksLikeCatalogue = (value: unknown): value is MessageCatalogue =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length > 0 &&
  Object.values(value).every(
    (entry) => typeof entry === 'object' && entry !== null && 'note' in entry && 'kk' in entry,
  );

interface Usage {
  /** Every string literal (and template without substitutions) outside the messages files. */
  literals: Set<string>;
  /** Literal ids passed to t(…) / request.t(…), with where they occur. */
  translated: { id: string; where: string }[];
  /** Codes of `new DomainError('CODE', …)`, which must have an `error.CODE` message. */
  errorCodes: { code: string; where: string }[];
}

function scanUsage(files: string[]): Usage {
  const usage: Usage = { literals: new Set(), translated: [], errorCodes: [] };
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      fs.readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const where = (node: ts.Node) =>
      `${path.relative(process.cwd(), file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteralLike(node)) usage.literals.add(node.text);
      if (
        ts.isCallExpression(node) &&
        node.arguments[0] &&
        ts.isStringLiteralLike(node.arguments[0])
      ) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee)
          ? callee.text
          : ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : '';
        if (name === 't') usage.translated.push({ id: node.arguments[0].text, where: where(node) });
      }
      if (
        ts.isNewExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'DomainError' &&
        node.arguments?.[0] &&
        ts.isStringLiteralLike(node.arguments[0])
      ) {
        usage.errorCodes.push({ code: node.arguments[0].text, where: where(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return usage;
}

const sources = listSources(SRC);
const messagesFiles = sources.filter(isMessagesFile);
const messages = new Map<string, MessageDefinition & { file: string }>();
let test: TestApp;

beforeAll(async () => {
  for (const file of messagesFiles) {
    const module: Record<string, unknown> = await import(pathToFileURL(file).href);
    for (const exported of Object.values(module)) {
      if (!looksLikeCatalogue(exported)) continue;
      for (const [id, definition] of Object.entries(exported)) {
        messages.set(id, { ...definition, file: path.relative(process.cwd(), file) });
      }
    }
  }
  test = await createTestApp();
});
afterAll(() => test?.close());

const usage = scanUsage(sources.filter((file) => !isMessagesFile(file)));

describe('message catalogues', () => {
  it('are found, and every one is loaded into the running platform', () => {
    expect(messages.size).toBeGreaterThan(20);
    const loaded = new Set(test.app.platform.catalogue.ids());
    const notLoaded = [...messages.keys()].filter((id) => !loaded.has(id));
    expect(notLoaded, 'messages defined but not added to the Catalogue in src/app.ts').toEqual([]);
    const unknown = [...loaded].filter((id) => !messages.has(id));
    expect(unknown, 'catalogue ids from a file the test does not see').toEqual([]);
  });

  it('give every message a note and non-empty text in kk, ru and en, with the same placeholders', () => {
    const problems: string[] = [];
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [id, message] of messages) {
      for (const key of ['note', ...LOCALES] as const) {
        if (typeof message[key] !== 'string' || message[key].trim() === '') {
          problems.push(`${id} (${message.file}): ${key} is missing or empty`);
        }
      }
      const expected = JSON.stringify(placeholders(message.en ?? ''));
      for (const locale of ['kk', 'ru'] as const) {
        if (JSON.stringify(placeholders(message[locale] ?? '')) !== expected) {
          problems.push(`${id} (${message.file}): ${locale} has other placeholders than en`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('contain no message that no code uses', () => {
    const unused = [...messages.entries()]
      .filter(([id]) => {
        if (usage.literals.has(id)) return false;
        // `t(\`error.${code}\`)` renders every error: the code literal is the use.
        const code = /^error\.(.+)$/.exec(id)?.[1];
        return !(code && usage.literals.has(code));
      })
      .map(([id, message]) => `${id} (${message.file})`);
    expect(unused).toEqual([]);
  });

  it('define every id that code translates with a literal t(…)', () => {
    const missing = usage.translated
      .filter(({ id }) => !messages.has(id))
      .map(({ id, where }) => `${id} at ${where}`);
    expect(missing).toEqual([]);
  });

  it('translate every DomainError code (error.<CODE>)', () => {
    const missing = usage.errorCodes
      .filter(({ code }) => !messages.has(`error.${code}`))
      .map(({ code, where }) => `error.${code} at ${where}`);
    expect(missing).toEqual([]);
  });

  it('are really scanned: the scanner sees literals, t(…) ids and error codes', () => {
    expect(usage.literals.has('layout.skipLink')).toBe(true);
    expect(usage.translated.some(({ id }) => id === 'home.title')).toBe(true);
    expect(usage.errorCodes.some(({ code }) => code === 'HTTP_NOT_FOUND')).toBe(true);
  });
});
