import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppManifest } from '../../src/platform/apps/manifest.js';
import { freePort } from './free-port.js';
import { createTestApp, type TestApp } from './test-app.js';

/** Debian's Chromium: the only browser the tests use (playwright-core downloads none). */
export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Installs Debian's chromium when it is missing (as .ci/run does); needs root and apt. */
export function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
}

export interface TestBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium with a new, empty profile of its own, removed again on close. */
export async function launchBrowser(): Promise<TestBrowser> {
  ensureChromium();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface ListeningApp extends TestApp {
  /** e.g. http://127.0.0.1:41234, without a trailing slash. */
  baseUrl: string;
}

/** The whole platform on a fresh database, listening on a free loopback port for a browser. */
export async function startListeningApp(
  options: { env?: Record<string, string>; apps?: AppManifest[]; now?: () => Date } = {},
): Promise<ListeningApp> {
  const test = await createTestApp(options);
  const port = await freePort();
  await test.app.listen({ port, host: '127.0.0.1' });
  return { ...test, baseUrl: `http://127.0.0.1:${port}` };
}

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The WCAG 2.1 A and AA rules, which every page must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page and fails with a readable list of violations. axe is injected
 * through the DevTools protocol (page.evaluate), not a <script>: the CSP forbids inline scripts.
 */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      globalThis as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target,
        failureSummary: node.failureSummary,
      })),
    }));
  }, AXE_TAGS);
  const report = violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes
          .map((node) => `    ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`)
          .join('\n'),
    )
    .join('\n');
  expect(violations.length, `axe violations on ${label}:\n${report}`).toBe(0);
}
