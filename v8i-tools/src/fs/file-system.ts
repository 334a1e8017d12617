/** What the CLI needs from a disk. The Node adapter is node-file-system.ts; tests may wrap it. */

export interface FileSnapshot {
  bytes: Uint8Array;
  mtimeMs: number;
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

export interface ExpandedPaths {
  files: string[];
  /** Arguments that matched nothing (a missing file, an empty glob). */
  missing: string[];
}

export interface FileSystem {
  /** Files, directories (searched recursively for `*.v8i`, any case) and globs → file paths. */
  expandPaths(args: readonly string[], cwd: string): Promise<ExpandedPaths>;
  readFile(path: string, cwd: string): Promise<FileSnapshot>;
  /** A plan or map file, as UTF-8 text. */
  readText(path: string, cwd: string): Promise<string>;
  /** Temp file in the same folder, fsync, re-check, optional backup, rename. */
  writeAtomic(
    path: string,
    cwd: string,
    bytes: Uint8Array,
    options: WriteOptions,
  ): Promise<{ backupPath?: string }>;
}

/** A per-file failure with a stable code, the detail, and what the user can do about it. */
export class FileFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}
