import { readdirSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import type { FileSystem } from '../v8i-tools/src/fs/file-system.ts';
import { nodeFileSystem } from '../v8i-tools/src/fs/node-file-system.ts';

/**
 * A Windows machine's disks laid out in a folder of this one, for tests of Windows behaviour on Linux:
 * `C:\Users\ivanov` is `<root>/C/Users/ivanov`, the share `\\fs\1c$\x` is `<root>/UNC/fs/1c$/x`. Names
 * are found without regard to case, as on NTFS. Everything else is the real Node adapter.
 */
export function windowsTree(root: string): FileSystem & { hostPath(path: string): string } {
  const hostPath = (path: string): string => {
    const parsed = win32.parse(win32.resolve(path));
    const unc = /^\\\\([^\\]+)\\([^\\]+)\\?$/.exec(parsed.root);
    const drive = /^([A-Za-z]):\\$/.exec(parsed.root);
    if (!unc && !drive) throw new Error(`windowsTree: ${path} is not an absolute Windows path`);
    const start = unc ? ['UNC', unc[1] ?? '', unc[2] ?? ''] : [(drive?.[1] ?? 'C').toUpperCase()];
    let host = posix.join(root, ...start);
    const rest = win32.resolve(path).slice(parsed.root.length).split('\\').filter(Boolean);
    for (const name of rest) {
      const names = (() => {
        try {
          return readdirSync(host);
        } catch {
          return [];
        }
      })();
      host = posix.join(host, names.find((n) => n.toUpperCase() === name.toUpperCase()) ?? name);
    }
    return host;
  };
  const windowsPath = (windows: string, host: string) =>
    win32.join(win32.dirname(windows), posix.basename(host));
  return {
    hostPath,
    kindOf: (path) => nodeFileSystem.kindOf(hostPath(path)),
    glob: (base, pattern, options) => nodeFileSystem.glob(hostPath(base), pattern, options),
    listFolder: (path) => nodeFileSystem.listFolder(hostPath(path)),
    readFile: (path) => nodeFileSystem.readFile(hostPath(path)),
    readText: (path) => nodeFileSystem.readText(hostPath(path)),
    checkWritable: (path, original) => nodeFileSystem.checkWritable(hostPath(path), original),
    async writeAtomic(path, bytes, options) {
      const { backupPath } = await nodeFileSystem.writeAtomic(hostPath(path), bytes, options);
      return backupPath ? { backupPath: windowsPath(path, backupPath) } : {};
    },
  };
}
