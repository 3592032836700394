import net from 'node:net';

/**
 * Tests never reach outside this machine: a connection to anything but loopback fails at once,
 * so a test that would need the network fails instead of passing by luck.
 */
const isLoopback = (host: string | undefined) =>
  !host || host === 'localhost' || host.startsWith('127.') || host === '::1';

const original = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string } | number | string;
  const host =
    typeof first === 'object' && first !== null
      ? first.path
        ? 'localhost'
        : first.host
      : typeof first === 'number'
        ? (args[1] as string | undefined)
        : 'localhost';
  if (!isLoopback(host)) throw new Error(`Outgoing network blocked in tests: ${host}`);
  return (original as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
