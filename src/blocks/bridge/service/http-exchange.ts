import http from 'node:http';
import https from 'node:https';

/** An answer as the gateway relays it: status, media type and the body's exact bytes. */
export interface HttpAnswer {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

/** The whole exchange (connection, request, answer to its last byte) took longer than allowed. */
export class HttpTimeout extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * The gateway's calls to providers and partner gateways over node:http, on keep-alive
 * connections kept per process: the WHATWG `fetch` costs several times the CPU per call, which on
 * the gateway's path is most of its own cost. Redirects are not followed; nothing is added to the
 * headers given (no `accept-encoding`, so bodies come as the provider sends them uncompressed).
 * An idle connection is closed after 4 s, before a peer's own keep-alive limit (Node's default is
 * 5 s) can close it under a new request.
 */
export class HttpExchange {
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true, timeout: 4000 }),
    'https:': new https.Agent({ keepAlive: true, timeout: 4000 }),
  };

  /**
   * Sends one request and reads its answer. Outcomes: the answer (any status); HttpTimeout when
   * it is not complete within `timeoutMs`; the connection's error otherwise.
   */
  send(
    url: string,
    options: {
      method: string;
      headers: Record<string, string>;
      body: Buffer | undefined;
      timeoutMs: number;
    },
  ): Promise<HttpAnswer> {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const agent = secure ? this.agents['https:'] : this.agents['http:'];
    return new Promise<HttpAnswer>((resolve, reject) => {
      const headers = options.body
        ? { ...options.headers, 'content-length': String(options.body.length) }
        : options.headers;
      const request = (secure ? https : http).request(
        target,
        { method: options.method, headers, agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', fail);
          response.on('close', () => {
            if (!response.complete) fail(new Error('the answer was cut short'));
          });
          response.on('end', () => {
            clearTimeout(deadline);
            const type = response.headers['content-type'];
            resolve({
              status: response.statusCode ?? 502,
              contentType: type,
              body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
            });
          });
        },
      );
      const deadline = setTimeout(() => request.destroy(new HttpTimeout()), options.timeoutMs);
      function fail(error: Error) {
        clearTimeout(deadline);
        reject(error);
      }
      request.on('error', fail);
      request.end(options.body);
    });
  }

  /** Closes the kept connections. */
  close(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }
}
