import http from 'node:http';

export interface FixedRateResult {
  /** Milliseconds, to the microsecond. */
  p50: number;
  p99: number;
  sent: number;
  failed: number;
}

/**
 * Sends `rate` requests a second for `seconds` on keep-alive connections, whatever the answers'
 * speed (an open model: a slow server faces the same arrivals), and measures each request's time
 * to the end of its answer with a microsecond clock. `prepare` gives each request its method,
 * headers and body (e.g. a fresh signature).
 */
export async function fixedRate(
  url: string,
  rate: number,
  seconds: number,
  prepare: () => { method?: string; headers?: Record<string, string>; body?: string } = () => ({}),
): Promise<FixedRateResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(url);
  const times: number[] = [];
  let failed = 0;
  const total = rate * seconds;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const { method = 'GET', headers = {}, body } = prepare();
    const sent = performance.now();
    pending.push(
      new Promise<void>((resolve) => {
        const request = http.request(target, { method, headers, agent }, (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode === 200) times.push(performance.now() - sent);
            else failed++;
            resolve();
          });
        });
        request.on('error', () => {
          failed++;
          resolve();
        });
        request.end(body);
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 1000) / 1000;
  return { p50: at(0.5), p99: at(0.99), sent: total, failed };
}
