import { spawn, type ChildProcess } from 'node:child_process';

export interface ListeningProcess {
  /** What the process printed after `listening` on that line (e.g. its port). */
  said: string;
  exited: Promise<void>;
  /** SIGKILL to the whole process group. */
  kill(): void;
  /** SIGTERM to the group, then waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Runs a bench/support TypeScript script (through tsx, with `nodeOptions` such as `--cpu-prof`)
 * in a process group of its own and resolves once it
 * prints a line starting with `listening`; rejects with its output if it exits first.
 */
export async function spawnListening(
  script: string,
  env: Record<string, string>,
  nodeOptions: string[] = [],
): Promise<ListeningProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', script], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  let gone = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => (gone = true));
  const said = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const line = /^listening(.*)$/m.exec(output);
      if (line) resolve(line[1]!.trim());
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`${script} exited before listening:\n${output}`)));
  });
  const signal = (name: NodeJS.Signals) => {
    if (gone) return;
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  return {
    said,
    exited,
    kill: () => signal('SIGKILL'),
    stop: async () => {
      signal('SIGTERM');
      await exited;
    },
  };
}
