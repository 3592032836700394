import http from 'node:http';

/** One request as the load generator sends it; built afresh for each send (e.g. a new nonce). */
export interface LoadRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}
export type Prepare = () => LoadRequest | Promise<LoadRequest>;

export interface LoadResult {
  /** Answers with status 200 per second. */
  rate: number;
  /** Milliseconds, to the microsecond. */
  p50: number;
  p99: number;
  sent: number;
  failed: number;
  /** How many of each status (or `error`) the failed requests got, to say why. */
  failures: Record<string, number>;
}

/**
 * A closed loop: `connections` keep-alive connections, each sending its next request as soon as
 * the previous answer ended, for `seconds`. Unlike autocannon it builds every request afresh
 * through `prepare`, so each can carry its own signature and nonce.
 */
export async function closedLoop(
  url: string,
  options: { connections: number; seconds: number; prepare?: Prepare },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const times: number[] = [];
  let failed = 0;
  const failures: Record<string, number> = {};
  const start = performance.now();
  const end = start + options.seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const request = await (options.prepare ?? (() => ({})))();
      const outcome = await send(url, request, agent, failures);
      if (outcome === null) failed++;
      else times.push(outcome);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  return summarise(times, failed, failures, times.length / elapsed);
}

/**
 * An open model: `rate` requests a second for `seconds`, sent on schedule whatever the answers'
 * speed (a slow server faces the same arrivals), each timed to the end of its answer.
 */
export async function fixedRate(
  url: string,
  options: { rate: number; seconds: number; prepare?: Prepare },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const times: number[] = [];
  let failed = 0;
  const failures: Record<string, number> = {};
  const total = options.rate * options.seconds;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / options.rate - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const request = await (options.prepare ?? (() => ({})))();
    pending.push(
      send(url, request, agent, failures).then((outcome) => {
        if (outcome === null) failed++;
        else times.push(outcome);
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return summarise(times, failed, failures, times.length / options.seconds);
}

/** Sends one request; resolves with its time in ms when the answer is a 200, else null. */
function send(
  url: string,
  request: LoadRequest,
  agent: http.Agent,
  failures: Record<string, number>,
): Promise<number | null> {
  return new Promise((resolve) => {
    const sent = performance.now();
    const outgoing = http.request(
      url,
      { method: request.method ?? 'GET', headers: request.headers ?? {}, agent },
      (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode === 200) return resolve(performance.now() - sent);
          const key = String(response.statusCode);
          failures[key] = (failures[key] ?? 0) + 1;
          resolve(null);
        });
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      const key = error.code ?? 'error';
      failures[key] = (failures[key] ?? 0) + 1;
      resolve(null);
    });
    outgoing.end(request.body);
  });
}

function summarise(
  times: number[],
  failed: number,
  failures: Record<string, number>,
  rate: number,
): LoadResult {
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    times.length === 0
      ? NaN
      : Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 1000) / 1000;
  return { rate, p50: at(0.5), p99: at(0.99), sent: times.length + failed, failed, failures };
}
