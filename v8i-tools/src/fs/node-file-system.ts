import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import {
  access,
  type FileHandle,
  lstat,
  open,
  readdir,
  readFile,
  realpath,
  rename,
  stat,
  unlink,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { glob } from 'tinyglobby';
import { backupNames } from './backup-name.ts';
import type { FileSnapshot, FileSystem, FolderEntry, WriteOptions } from './file-system.ts';
import {
  changedMeanwhile,
  errno,
  readFailure,
  readOnly,
  rightsFailure,
  vanished,
  writeFailure,
} from './node-file-failures.ts';

/**
 * Opens the file itself: a symlinked list is opened at its target, whose path is returned so that the
 * write replaces the target and keeps the link. Where O_NOFOLLOW exists, the common case (no link) costs
 * no extra call; opening a link with it fails with ELOOP.
 */
async function openReal(path: string): Promise<{ handle: FileHandle; realPath: string }> {
  const noFollow = constants.O_NOFOLLOW as number | undefined;
  if (noFollow !== undefined) {
    try {
      return { handle: await open(path, constants.O_RDONLY | noFollow), realPath: path };
    } catch (error) {
      if (errno(error) !== 'ELOOP') throw error;
    }
  }
  const realPath = (await lstat(path)).isSymbolicLink() ? await realpath(path) : path;
  return { handle: await open(realPath, 'r'), realPath };
}

/** One open, one fstat, one read: the fewest calls that give the bytes and the stat together. */
async function snapshot(path: string): Promise<FileSnapshot> {
  const { handle, realPath } = await openReal(path);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    // One spare byte tells us whether the file grew since fstat; then fall back to reading it all.
    // A read of a regular file returns less than asked only at its end, so one read usually does.
    const buffer = Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    for (;;) {
      const asked = buffer.length - length;
      const { bytesRead } = await handle.read(buffer, length, asked, length);
      length += bytesRead;
      if (bytesRead === 0 || bytesRead < asked || length === buffer.length) break;
    }
    const bytes = length <= info.size ? buffer.subarray(0, length) : await handle.readFile();
    const { size, mtimeMs, ino, mode, uid, gid } = info;
    return { bytes, realPath, size, mtimeMs, ino, mode, uid, gid };
  } finally {
    await handle.close();
  }
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

/** The file a write replaces: a symlinked list's target (renaming over the link would replace it). */
async function writeTarget(path: string): Promise<string> {
  const notThere = (error: unknown) => {
    throw errno(error) === 'ENOENT' ? vanished() : readFailure(error);
  };
  const link = await lstat(path).catch(notThere);
  return link.isSymbolicLink() ? await realpath(path).catch(notThere) : path;
}

// Unique per run and per file without asking the system for randomness every time; 'wx' refuses a clash.
let runId: string | undefined;
let tempCount = 0;
const tempNameFor = (target: string) => {
  runId ??= `${process.pid.toString(36)}${randomBytes(4).toString('hex')}`;
  return join(dirname(target), `.${basename(target)}.${runId}-${(tempCount++).toString(36)}.tmp`);
};

/**
 * The rights a write needs, checked the same way by a dry run and by the real write: the mode has a
 * write bit (refused even for root: a read-only list is usually read-only for a reason), and we may
 * open the file for writing. The folder is checked by the real temp file, or in a dry run by creating
 * and removing an empty one — the only check that also sees Windows ACLs and read-only shares.
 */
async function checkFileRights(target: string, mode: number): Promise<void> {
  if ((mode & 0o222) === 0) throw readOnly();
  try {
    // access() asks the same question of Unix permissions in one call; on Windows it reads only the
    // Read-only attribute, while opening for writing also meets the ACLs and other programs' locks.
    if (process.platform === 'win32') await (await open(target, constants.O_WRONLY)).close();
    else await access(target, constants.W_OK);
  } catch (error) {
    throw errno(error) === 'ENOENT' ? vanished() : (rightsFailure(error, 'file') ?? readFailure(error));
  }
}

async function createTemp(target: string, mode: number) {
  const temp = tempNameFor(target);
  try {
    return { temp, handle: await open(temp, 'wx', mode) };
  } catch (error) {
    throw rightsFailure(error, 'folder') ?? writeFailure(error, 'write a temporary file next to it');
  }
}

export const nodeFileSystem: FileSystem = {
  async kindOf(path) {
    const info = await stat(path).catch(() => undefined);
    return info?.isDirectory() ? 'folder' : info ? 'file' : undefined;
  },

  glob(base, pattern, { onlyFiles }) {
    return glob(pattern, {
      cwd: base,
      dot: true,
      caseSensitiveMatch: false,
      onlyFiles,
      expandDirectories: false,
    });
  },

  async listFolder(path) {
    const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
    return entries.flatMap((entry): FolderEntry[] => {
      if (entry.isDirectory()) return [{ name: entry.name, kind: 'folder' }];
      return entry.isFile() ? [{ name: entry.name, kind: 'file' }] : [];
    });
  },

  async readFile(path) {
    try {
      return await snapshot(path);
    } catch (error) {
      throw readFailure(error);
    }
  },

  async readText(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      throw readFailure(error);
    }
  },

  async checkWritable(path, original) {
    const target = original?.realPath ?? (await writeTarget(path));
    const mode =
      original?.mode ??
      (
        await stat(target).catch((error) => {
          throw readFailure(error);
        })
      ).mode;
    await checkFileRights(target, mode);
    const { temp, handle } = await createTemp(target, mode & 0o7777);
    await handle.close();
    await unlink(temp).catch(() => undefined);
  },

  writeAtomic: (_path, bytes, options) => writeAt(options.original.realPath, bytes, options),
};

/** Temp file next to `file` (a real file, not a link), then rename over it. */
async function writeAt(
  file: string,
  bytes: Uint8Array,
  { original, backup, now }: WriteOptions,
): Promise<{ backupPath?: string }> {
  await checkFileRights(file, original.mode);
  // The temp file is fsynced before the rename, so a crash leaves the old or the new bytes, never a
  // mix. The folder is not fsynced: that would cost a third of a bulk run, and at worst a power cut
  // right after the run brings back the old content, which a second run fixes.
  const mode = original.mode & 0o7777;
  const { temp, handle } = await createTemp(file, mode);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.chmod(mode);
      // Keeps the owner when an administrator (root) edits a user's list; fails harmlessly otherwise.
      const uid = process.getuid?.();
      if (uid !== undefined && (original.uid !== uid || original.gid !== process.getgid?.())) {
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
    const current = await stat(file).catch((error) => {
      throw errno(error) === 'ENOENT' ? vanished() : readFailure(error);
    });
    // Size, mtime and inode tell a change by someone else (an editor saving, 1C rewriting its list)
    // without reading the file a second time.
    if (
      current.size !== original.size ||
      current.mtimeMs !== original.mtimeMs ||
      current.ino !== original.ino
    ) {
      throw changedMeanwhile();
    }
    const backupPath = backup ? await writeBackup(file, original.bytes, now, mode) : undefined;
    await rename(temp, file).catch((error) => {
      throw rightsFailure(error, 'folder') ?? writeFailure(error, 'replace the file');
    });
    return backupPath ? { backupPath } : {};
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
