/**
 * What the CLI needs from a disk. Every path here is absolute, written in the style of the machine the
 * CLI serves (see path-style.ts); the core resolves what the user typed before calling. The Node adapter
 * is node-file-system.ts; tests wrap it or map a fake Windows drive onto a folder.
 */

export interface FileSnapshot {
  bytes: Uint8Array;
  /** The file that was read: the path given, or a symlink's target (written in its place, keeping the link). */
  realPath: string;
  /** Size, mtime and inode at the time of reading: how a later change by someone else is noticed. */
  size: number;
  mtimeMs: number;
  ino: number;
  mode: number;
  uid: number;
  gid: number;
}

export interface WriteOptions {
  /** What we read and edited; the write is refused if the file no longer matches it. */
  original: FileSnapshot;
  backup: boolean;
  now: Date;
}

export type EntryKind = 'file' | 'folder';

export interface FolderEntry {
  name: string;
  kind: EntryKind;
}

export interface FileSystem {
  /** What is at `path`, or undefined when nothing is (or it cannot be seen). */
  kindOf(path: string): Promise<EntryKind | undefined>;
  /**
   * Paths under the folder `base` matching `pattern` (tinyglobby syntax, `/`-separated, any letter
   * case, hidden entries included), relative to `base` with `/`; folders end with `/`.
   */
  glob(base: string, pattern: string, options: { onlyFiles: boolean }): Promise<string[]>;
  /** The files and folders directly in `path`; [] when it cannot be listed. */
  listFolder(path: string): Promise<FolderEntry[]>;
  readFile(path: string): Promise<FileSnapshot>;
  /** A plan or map file, as UTF-8 text. */
  readText(path: string): Promise<string>;
  /**
   * Throws the FileFailure that `writeAtomic` would throw for lack of rights (read-only file, no
   * permission on the file or its folder), without changing anything there. `original` is the snapshot
   * when the file was read; without it the file is looked at first.
   */
  checkWritable(path: string, original?: FileSnapshot): Promise<void>;
  /**
   * The same checks, then replaces the file `options.original` was read from (`path` as the user knows
   * it): temp file in the same folder, fsync, re-check, optional backup, rename.
   */
  writeAtomic(path: string, bytes: Uint8Array, options: WriteOptions): Promise<{ backupPath?: string }>;
}

/** What went wrong with one path, in words for the person running the command. */
export interface FileError {
  code: string;
  message: string;
  hint: string;
}

/** A file to work on: as shown to the user (what they typed, or found under it) and resolved. */
export interface Target {
  path: string;
  absolute: string;
}

/** A per-file failure with a stable code, the detail, and what the user can do about it. */
export class FileFailure extends Error {
  readonly code: string;
  readonly hint: string;

  // Plain fields, not parameter properties: `npm run v8i` runs this file with Node's type stripping.
  constructor(code: string, message: string, hint: string) {
    super(message);
    this.code = code;
    this.hint = hint;
  }
}

/** Any error as a FileError; one we did not foresee says so, and that nothing was changed. */
export function asFileError(error: unknown): FileError {
  if (error instanceof FileFailure) return { code: error.code, message: error.message, hint: error.hint };
  return {
    code: 'internal',
    message: `unexpected error: ${(error as Error).message ?? String(error)}`,
    hint: 'the file was left as it was; please report this with the file attached',
  };
}
