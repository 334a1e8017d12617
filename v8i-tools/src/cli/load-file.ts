import { type BaseEntry, readEntries } from '../edit/base-entry.ts';
import { decodeBytes, type FileEncoding } from '../fs/encoding.ts';
import { FileFailure, type FileSnapshot } from '../fs/file-system.ts';
import { parseV8i } from '../syntax/parse.ts';
import type { V8iDocument } from '../syntax/tree.ts';
import type { CliIo } from './io.ts';

export interface FileError {
  code: string;
  message: string;
  hint: string;
}

export interface LoadedFile {
  path: string;
  snapshot: FileSnapshot;
  text: string;
  encoding: FileEncoding;
  doc: V8iDocument;
  entries: BaseEntry[];
}

export type LoadResult = { ok: true; file: LoadedFile } | { ok: false; error: FileError };

export function asFileError(error: unknown): FileError {
  if (error instanceof FileFailure) return { code: error.code, message: error.message, hint: error.hint };
  return {
    code: 'internal',
    message: `unexpected error: ${(error as Error).message ?? String(error)}`,
    hint: 'the file was left as it was; please report this with the file attached',
  };
}

/** Read → decode → parse. Never throws: every problem becomes this file's error. */
export async function loadFile(io: CliIo, path: string): Promise<LoadResult> {
  try {
    const snapshot = await io.fs.readFile(path, io.cwd);
    const decoded = decodeBytes(snapshot.bytes);
    if (!decoded.ok)
      return { ok: false, error: { code: decoded.code, message: decoded.message, hint: decoded.hint } };
    const doc = parseV8i(decoded.text);
    return {
      ok: true,
      file: {
        path,
        snapshot,
        text: decoded.text,
        encoding: decoded.encoding,
        doc,
        entries: readEntries(doc),
      },
    };
  } catch (error) {
    return { ok: false, error: asFileError(error) };
  }
}
