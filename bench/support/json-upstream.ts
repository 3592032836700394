import http from 'node:http';

/**
 * The provider behind the bridge benchmark, as a process of its own: a plain node:http server
 * answering every request with a small JSON document (about the size of a registry record), so
 * the figures measure what sits in front of it. Listens on UPSTREAM_PORT (0: any free port) and
 * prints `listening <port>`.
 */
const body = JSON.stringify({
  cadastralNumber: '20-311-004-117:0042',
  address: 'Almaty, Abai avenue 10, flat 42',
  area: 64.3,
  encumbrances: [],
});

const server = http.createServer((request, response) => {
  // Drain the request body before answering, as a real provider reads what it is sent.
  request.resume();
  request.on('end', () => {
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.UPSTREAM_PORT ?? '0'), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
});
