import fs from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

/** BENCH_ROUNDS overrides a benchmark's number of rounds (short runs on a busy machine). */
export const benchRounds = (fallback: number): number => {
  const rounds = Number(process.env.BENCH_ROUNDS);
  return Number.isInteger(rounds) && rounds > 0 ? rounds : fallback;
};

/**
 * Runs `work`, and with BENCH_PROFILE=DIR records the main thread's CPU profile meanwhile into
 * `DIR/<name>.cpuprofile` (open it in Chrome DevTools, or summarise it with
 * `npx tsx bench/support/profile-summary.ts FILE`). The server under test runs on this thread;
 * the load generator runs in its own worker and is not in the profile.
 */
export async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  }
}
