import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Where Debian's nginx package puts the binary. */
const NGINX = '/usr/sbin/nginx';

export interface NginxProxy {
  url: string;
  stop(): Promise<void>;
}

/** Is nginx installed (`apt-get install -y nginx-light`)? The benchmark says so if it is not. */
export const nginxAvailable = (): boolean => spawnSync(NGINX, ['-v']).status === 0;

/**
 * nginx as a plain reverse proxy to `upstream` (`127.0.0.1:PORT`), the way an operator would put
 * it in front of a service: one worker per core, keep-alive to the upstream, no buffering
 * changes, no logging (the bridge's own log is what the gateway figure pays for). Runs in the
 * foreground in a temporary prefix and is stopped with SIGQUIT.
 */
export async function startNginxProxy(upstream: string): Promise<NginxProxy> {
  const prefix = await fs.mkdtemp(path.join(os.tmpdir(), 'ortaq-bench-nginx-'));
  const port = await freePort();
  const user = process.getuid?.() === 0 ? 'user nobody nogroup;' : '';
  await fs.writeFile(
    path.join(prefix, 'nginx.conf'),
    `${user}
worker_processes ${os.availableParallelism()};
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream provider { server ${upstream}; keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://provider;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(
    NGINX,
    ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitForPort(port, () => (child.exitCode !== null ? `nginx exited: ${stderr}` : null));
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
      await fs.rm(prefix, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port: number, failed: () => string | null): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const why = failed();
    if (why) throw new Error(why);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listens on port ${port}`);
}
