import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark } from './support/benchmark.js';
import { startBenchServer } from './support/postgres.js';

/**
 * `npm run bench [-- name…]`: runs every bench/*.bench.ts module in turn (or those whose file
 * name contains one of the given words) and prints their figures. See bench/README.md.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = (await fs.readdir(here))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => filters.length === 0 || filters.some((word) => file.includes(word)))
  .sort();

const log = (line: string) => process.stderr.write(`  … ${line}\n`);
process.stdout.write(
  `Ortaq benchmarks, ${new Date().toISOString()}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}\n`,
);
const server = await startBenchServer(log);
let failed = false;
try {
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(here, file)).href)) as {
      default: Benchmark;
    };
    const benchmark = module.default;
    process.stdout.write(`\n${benchmark.name} (${file})\n`);
    try {
      const figures = await benchmark.run({ createDatabase: server.createDatabase, log });
      for (const figure of figures) {
        const value = Number.isInteger(figure.value)
          ? figure.value.toLocaleString('en-GB')
          : figure.value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
        process.stdout.write(`  ${figure.label}: ${value} ${figure.unit}\n`);
      }
    } catch (error) {
      failed = true;
      process.stdout.write(`  FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
} finally {
  await server.stop();
}
process.exitCode = failed ? 1 : 0;
