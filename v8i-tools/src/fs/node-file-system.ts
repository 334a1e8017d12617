import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { backupNames } from './backup-name.ts';
import { type ExpandedPaths, FileFailure, type FileSnapshot, type FileSystem } from './file-system.ts';

const v8iPattern = '**/*.v8i';

function errno(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
}

function readFailure(error: unknown): FileFailure {
  const code = errno(error);
  if (code === 'ENOENT') return new FileFailure('not-found', 'file not found', 'check the path');
  if (code === 'EISDIR') return new FileFailure('not-a-file', 'is a directory', 'pass the directory itself');
  if (code === 'EACCES' || code === 'EPERM') {
    return new FileFailure(
      'unreadable',
      `cannot read the file (${code})`,
      'run as a user allowed to read it',
    );
  }
  return new FileFailure('unreadable', `cannot read the file (${code})`, 'check the disk and the path');
}

function vanished(): FileFailure {
  return new FileFailure(
    'changed-meanwhile',
    'removed or renamed by someone else while editing; nothing written',
    'check where the file went, then run again',
  );
}

function writeFailure(error: unknown, what: string): FileFailure {
  const code = errno(error);
  const hint =
    code === 'ENOSPC'
      ? 'free some disk space, then run again'
      : code === 'EROFS'
        ? 'the disk is mounted read-only'
        : 'check the permissions of the file and its folder; an immutable flag (chattr +i) or a program holding the file open also stops writes';
  return new FileFailure('write-failed', `cannot ${what} (${code})`, hint);
}

/** One open, one fstat, one read: the fewest calls that give the bytes and the stat together. */
async function snapshot(path: string): Promise<FileSnapshot> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    // One spare byte tells us whether the file grew since fstat; then fall back to reading it all.
    const buffer = Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    const bytes = length <= info.size ? buffer.subarray(0, length) : await handle.readFile();
    return { bytes, mtimeMs: info.mtimeMs, mode: info.mode, uid: info.uid, gid: info.gid };
  } finally {
    await handle.close();
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

async function writeBackup(target: string, bytes: Uint8Array, now: Date, mode: number): Promise<string> {
  const nameFor = backupNames(target, now);
  for (let attempt = 0; ; attempt++) {
    const name = nameFor(attempt);
    try {
      const handle = await open(name, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return name;
    } catch (error) {
      if (errno(error) !== 'EEXIST' || attempt > 100) throw writeFailure(error, `write the backup ${name}`);
    }
  }
}

/** A file is itself; a folder gives its `*.v8i` files at any depth (paths shown under the folder's name). */
async function filesAt(path: string, cwd: string): Promise<string[]> {
  const info = await stat(resolve(cwd, path)).catch(() => undefined);
  if (info?.isDirectory()) {
    const inside = await glob(v8iPattern, { cwd: resolve(cwd, path), dot: true, caseSensitiveMatch: false });
    return inside.map((rel) => join(path, rel));
  }
  return info ? [path] : [];
}

export const nodeFileSystem: FileSystem = {
  async expandPaths(args, cwd): Promise<ExpandedPaths> {
    const files = new Set<string>();
    const missing: string[] = [];
    for (const arg of args) {
      const found: string[] = [];
      if (isDynamicPattern(arg)) {
        // A glob may name folders (…/1CEStart) as well as files; folders are searched like a folder argument.
        const matches = await glob(arg, {
          cwd,
          dot: true,
          caseSensitiveMatch: false,
          onlyFiles: false,
          absolute: isAbsolute(arg),
        });
        for (const match of matches) found.push(...(await filesAt(match.replace(/\/$/, ''), cwd)));
      } else {
        found.push(...(await filesAt(arg, cwd)));
      }
      if (found.length === 0) missing.push(arg);
      for (const file of found) files.add(file);
    }
    return { files: [...files].sort(), missing };
  },

  async readFile(path, cwd) {
    try {
      return await snapshot(resolve(cwd, path));
    } catch (error) {
      throw readFailure(error);
    }
  },

  async readText(path, cwd) {
    try {
      return await readFile(resolve(cwd, path), 'utf8');
    } catch (error) {
      throw readFailure(error);
    }
  },

  async writeAtomic(path, cwd, bytes, { original, backup, now }) {
    if ((original.mode & 0o222) === 0) {
      throw new FileFailure(
        'read-only',
        'file is read-only',
        'make it writable (chmod u+w, or clear "Read-only" in its Windows properties) or leave it out',
      );
    }
    // Only a symlinked file itself needs resolving (renaming over it would replace the link);
    // one lstat instead of realpath's readlink per path segment.
    const given = resolve(cwd, path);
    const link = await lstat(given).catch((error) => {
      throw errno(error) === 'ENOENT' ? vanished() : readFailure(error);
    });
    const target = link.isSymbolicLink()
      ? await realpath(given).catch((error) => {
          throw errno(error) === 'ENOENT' ? vanished() : readFailure(error);
        })
      : given;
    // The temp file is fsynced before the rename, so a crash leaves the old or the new bytes, never a
    // mix. The folder is not fsynced: that would cost a third of a bulk run, and at worst a power cut
    // right after the run brings back the old content, which a second run fixes.
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const mode = original.mode & 0o7777;
    try {
      const handle = await open(temp, 'wx', mode);
      try {
        await handle.writeFile(bytes);
        await handle.chmod(mode);
        // Keeps the owner when an administrator (root) edits a user's list; fails harmlessly otherwise.
        if (original.uid !== process.getuid?.() || original.gid !== process.getgid?.()) {
          await handle.chown(original.uid, original.gid).catch(() => undefined);
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw writeFailure(error, 'write a temporary file next to it');
    }
    try {
      const current = await snapshot(target).catch((error) => {
        throw errno(error) === 'ENOENT' ? vanished() : readFailure(error);
      });
      if (current.mtimeMs !== original.mtimeMs || !sameBytes(current.bytes, original.bytes)) {
        throw new FileFailure(
          'changed-meanwhile',
          'changed by someone else while editing; run again',
          'their version is kept; run the same command again to apply the change on top of it',
        );
      }
      const backupPath = backup ? await writeBackup(target, original.bytes, now, mode) : undefined;
      await rename(temp, target).catch((error) => {
        throw writeFailure(error, 'replace the file');
      });
      return backupPath ? { backupPath } : {};
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  },
};
