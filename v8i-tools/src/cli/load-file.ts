import { type BaseEntry, readEntries } from '../edit/base-entry.ts';
import { decodeBytes, type FileEncoding } from '../fs/encoding.ts';
import { asFileError, type FileError, type FileSnapshot, type Target } from '../fs/file-system.ts';
import { parseV8i } from '../syntax/parse.ts';
import type { V8iDocument } from '../syntax/tree.ts';
import type { CliIo } from './io.ts';

export { asFileError, type FileError };

export interface LoadedFile {
  path: string;
  snapshot: FileSnapshot;
  text: string;
  encoding: FileEncoding;
  doc: V8iDocument;
  entries: BaseEntry[];
}

export type LoadResult = { ok: true; file: LoadedFile } | { ok: false; error: FileError };

/** Read → decode → parse. Never throws: every problem becomes this file's error. */
export async function loadFile(io: CliIo, { path, absolute }: Target): Promise<LoadResult> {
  try {
    const snapshot = await io.fs.readFile(absolute);
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
