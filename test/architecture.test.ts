import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The architecture rules of ARCHITECTURE.md and STYLE.md, kept as a test:
 * - dependencies point one way: apps -> blocks -> platform; apps never import other apps;
 * - `domain/` code is pure: no Fastify, Kysely or pg, nothing from an `http/` or `repo/` folder;
 * - only src/platform/config reads process.env.
 */
interface SourceFile {
  /** Repository-relative, with forward slashes, e.g. `src/apps/e-otinish/index.ts`. */
  path: string;
  text: string;
}

const FRAMEWORK_PACKAGES = /^(fastify|fastify-plugin|@fastify\/.+|kysely|pg|pg-boss)(\/.*)?$/;

export function findViolations(files: SourceFile[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    const own = areaOf(file.path);
    for (const specifier of importsOf(file)) {
      const target = specifier.startsWith('.')
        ? path.posix.normalize(path.posix.join(path.posix.dirname(file.path), specifier))
        : null;
      const where = `${file.path} imports '${specifier}'`;
      if (target) {
        const other = areaOf(target);
        if (own.kind === 'app' && other.kind === 'app' && other.name !== own.name) {
          violations.push(`${where}: an app never imports another app`);
        }
        if (own.kind === 'block' && other.kind === 'app') {
          violations.push(`${where}: a block never imports an app`);
        }
        if (own.kind === 'platform' && (other.kind === 'app' || other.kind === 'block')) {
          violations.push(`${where}: the platform never imports ${other.kind}s`);
        }
      }
      if (isDomain(file.path)) {
        if (!target && FRAMEWORK_PACKAGES.test(specifier)) {
          violations.push(`${where}: domain code imports neither Fastify nor the database`);
        }
        if (target && /(^|\/)(http|repo)\//.test(target)) {
          violations.push(`${where}: domain code imports nothing from http/ or repo/`);
        }
      }
    }
    if (!file.path.startsWith('src/platform/config/') && readsProcessEnv(file)) {
      violations.push(`${file.path} reads process.env: only src/platform/config may`);
    }
  }
  return violations;
}

type Area = { kind: 'app' | 'block' | 'platform' | 'other'; name: string };

function areaOf(file: string): Area {
  const parts = file.split('/');
  if (parts[0] !== 'src') return { kind: 'other', name: '' };
  // src/apps/installed.ts lists the apps for app.ts; it belongs to no single app.
  if (parts[1] === 'apps' && parts.length > 3) return { kind: 'app', name: parts[2]! };
  if (parts[1] === 'blocks' && parts.length > 3) return { kind: 'block', name: parts[2]! };
  if (parts[1] === 'platform') return { kind: 'platform', name: '' };
  return { kind: 'other', name: '' };
}

const isDomain = (file: string) => /(^|\/)domain\//.test(file) && !/\.test\.tsx?$/.test(file);

function importsOf(file: SourceFile): string[] {
  const info = ts.preProcessFile(file.text, true, true);
  return info.importedFiles.map((imported) => imported.fileName);
}

function readsProcessEnv(file: SourceFile): boolean {
  if (!file.text.includes('process')) return false;
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
  let found = false;
  const visit = (node: ts.Node) => {
    if (found) return;
    const isProcess = (expression: ts.Expression) =>
      ts.isIdentifier(expression) && expression.text === 'process';
    if (
      (ts.isPropertyAccessExpression(node) &&
        isProcess(node.expression) &&
        node.name.text === 'env') ||
      (ts.isElementAccessExpression(node) &&
        isProcess(node.expression) &&
        ts.isStringLiteralLike(node.argumentExpression) &&
        node.argumentExpression.text === 'env') ||
      (ts.isVariableDeclaration(node) &&
        node.initializer &&
        isProcess(node.initializer) &&
        ts.isObjectBindingPattern(node.name) &&
        node.name.elements.some((element) => element.getText().split(':')[0]!.trim() === 'env'))
    ) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name)) {
        files.push({
          path: path.relative(process.cwd(), full).split(path.sep).join('/'),
          text: fs.readFileSync(full, 'utf8'),
        });
      }
    }
  };
  walk(root);
  return files;
}

describe('architecture rules', () => {
  it('hold for every file in src/', () => {
    const files = sourceFiles(path.resolve('src'));
    expect(files.length).toBeGreaterThan(20);
    expect(findViolations(files)).toEqual([]);
  });

  it('are really checked: each broken rule is reported', () => {
    const files: SourceFile[] = [
      { path: 'src/apps/a/index.ts', text: `import { x } from '../b/service/x.js';` },
      { path: 'src/apps/a/http/ok.ts', text: `import { y } from '../domain/y.js';` },
      {
        path: 'src/blocks/identity/service/s.ts',
        text: `export * from '../../../apps/a/index.js';`,
      },
      {
        path: 'src/platform/views/v.ts',
        text: `const m = await import('../../blocks/identity/index.js');`,
      },
      { path: 'src/platform/apps/ok.ts', text: `import type { M } from './manifest.js';` },
      {
        path: 'src/blocks/identity/domain/person.ts',
        text: `import type { FastifyInstance } from 'fastify';\nimport { sql } from 'kysely';\nimport { r } from '../repo/people-repo.js';\nimport { h } from '../http/routes.js';\nimport { ok } from './ok.js';`,
      },
      { path: 'src/apps/a/domain/d.ts', text: `import fp from 'fastify-plugin';` },
      { path: 'src/blocks/identity/service/env.ts', text: `const url = process.env.DATABASE_URL;` },
      { path: 'src/cli/x.ts', text: `const { env } = process;` },
      { path: 'src/cli/y.ts', text: `const e = process['env'];` },
      { path: 'src/platform/config/config.ts', text: `const e = process.env;` },
    ];
    expect(findViolations(files)).toEqual([
      `src/apps/a/index.ts imports '../b/service/x.js': an app never imports another app`,
      `src/blocks/identity/service/s.ts imports '../../../apps/a/index.js': a block never imports an app`,
      `src/platform/views/v.ts imports '../../blocks/identity/index.js': the platform never imports blocks`,
      `src/blocks/identity/domain/person.ts imports 'fastify': domain code imports neither Fastify nor the database`,
      `src/blocks/identity/domain/person.ts imports 'kysely': domain code imports neither Fastify nor the database`,
      `src/blocks/identity/domain/person.ts imports '../repo/people-repo.js': domain code imports nothing from http/ or repo/`,
      `src/blocks/identity/domain/person.ts imports '../http/routes.js': domain code imports nothing from http/ or repo/`,
      `src/apps/a/domain/d.ts imports 'fastify-plugin': domain code imports neither Fastify nor the database`,
      `src/blocks/identity/service/env.ts reads process.env: only src/platform/config may`,
      `src/cli/x.ts reads process.env: only src/platform/config may`,
      `src/cli/y.ts reads process.env: only src/platform/config may`,
    ]);
  });
});
