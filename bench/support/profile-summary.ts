import fs from 'node:fs/promises';

/**
 * `npx tsx bench/support/profile-summary.ts FILE.cpuprofile [top]`: where a CPU profile written
 * with BENCH_PROFILE spent its time, by function (self time) and by file or package.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const [file, topArgument] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary FILE.cpuprofile [top]');
const top = Number(topArgument ?? '30');
const profile = JSON.parse(await fs.readFile(file, 'utf8')) as {
  nodes: ProfileNode[];
  samples: number[];
};
const hits = new Map<number, number>();
for (const sample of profile.samples) hits.set(sample, (hits.get(sample) ?? 0) + 1);
const total = profile.samples.length;

const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
const inclusive = new Map<string, number>();
const place = (url: string): string => {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0)
    return url
      .slice(modules + 13)
      .split('/')
      .slice(0, 2)
      .join('/');
  const source = url.indexOf('/src/');
  if (source >= 0) return url.slice(source + 1);
  return url || '(native)';
};
const nameOf = ({ callFrame: { functionName, url, lineNumber } }: ProfileNode) =>
  `${functionName || '(anonymous)'} ${place(url)}:${lineNumber + 1}`;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parents.set(child, node.id);
for (const node of profile.nodes) {
  const count = hits.get(node.id) ?? 0;
  if (count === 0) continue;
  const name = nameOf(node);
  byFunction.set(name, (byFunction.get(name) ?? 0) + count);
  const where = place(node.callFrame.url);
  byPlace.set(where, (byPlace.get(where) ?? 0) + count);
  // Inclusive time: each function on the stack once, however often it recurs.
  const seen = new Set<string>();
  for (let id: number | undefined = node.id; id !== undefined; id = parents.get(id)) {
    const caller = nameOf(nodes.get(id)!);
    if (seen.has(caller)) continue;
    seen.add(caller);
    inclusive.set(caller, (inclusive.get(caller) ?? 0) + count);
  }
}
const print = (title: string, counts: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [name, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(`${((100 * count) / total).toFixed(1).padStart(6)} %  ${name}\n`);
};
print(`${total} samples; self time by function`, byFunction);
print('self time by file or package', byPlace);
print('total time (self and callees) by function', inclusive);
