import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The first folder on the way to `target` (inclusive) that a process running as uid/gid cannot
 * enter, or undefined when every folder lets it through. Node starts PostgreSQL with only that
 * uid and gid (libuv drops supplementary groups), so the owner/group/other bits decide exactly.
 */
export async function firstUnreachableFolder(
  target: string,
  uid: number,
  gid: number,
): Promise<{ folder: string; mode: string; owner: number } | undefined> {
  const absolute = path.resolve(target);
  const folders: string[] = [];
  for (let folder = absolute; ; folder = path.dirname(folder)) {
    folders.unshift(folder);
    if (path.dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    const stat = await fs.stat(folder).catch(() => undefined);
    if (!stat) return undefined; // not created yet: whoever creates it decides its mode
    const bits =
      stat.uid === uid
        ? (stat.mode >> 6) & 7
        : stat.gid === gid
          ? (stat.mode >> 3) & 7
          : stat.mode & 7;
    if ((bits & 1) === 0) {
      return { folder, mode: (stat.mode & 0o777).toString(8), owner: stat.uid };
    }
  }
  return undefined;
}
