import type { BaseEntry } from '../edit/base-entry.ts';
import type { BaseChange } from '../edit/modify.ts';
import { planChanges } from '../edit/modify.ts';
import { type Selector, selectBases } from '../edit/selector.ts';
import { applyEdits } from '../edit/text-edit.ts';
import { encodeText } from '../fs/encoding.ts';
import type { CliIo } from './io.ts';
import { asFileError, type FileError, loadFile } from './load-file.ts';

export interface EditRequest {
  selector: Selector;
  changeFor: (entry: BaseEntry) => BaseChange | undefined;
  dryRun: boolean;
  backup: boolean;
  /** Renders the dry-run diff; called only for files that would change. */
  renderDiff: (path: string, before: string, after: string) => string;
}

export interface FileResult {
  path: string;
  status: 'changed' | 'unchanged' | 'failed';
  /** Bases whose text changes (or would, in a dry run). */
  bases: number;
  /** Bases the selectors picked in this file. */
  matched: number;
  diff?: string;
  backupPath?: string;
  error?: FileError;
}

const failed = (path: string, error: FileError): FileResult => ({
  path,
  status: 'failed',
  bases: 0,
  matched: 0,
  error,
});

/** One file through the whole edit: load, select, plan, then diff or write. Never throws. */
export async function editFile(io: CliIo, path: string, request: EditRequest): Promise<FileResult> {
  const loaded = await loadFile(io, path);
  if (!loaded.ok) return failed(path, loaded.error);
  const { file } = loaded;
  const { selected, problems } = selectBases(file.entries, request.selector);
  const [problem] = problems;
  if (problem) return failed(path, problem);
  const plan = planChanges(file.doc, selected, request.changeFor);
  if (!plan.ok) return failed(path, plan.problem);
  const after = applyEdits(file.text, plan.edits);
  const base = { path, bases: plan.touched.length, matched: selected.length };
  if (after === file.text) return { ...base, status: 'unchanged' };
  if (request.dryRun) return { ...base, status: 'changed', diff: request.renderDiff(path, file.text, after) };
  try {
    const written = await io.fs.writeAtomic(path, io.cwd, encodeText(after, file.encoding), {
      original: file.snapshot,
      backup: request.backup,
      now: io.now(),
    });
    return { ...base, status: 'changed', ...written };
  } catch (error) {
    return failed(path, asFileError(error));
  }
}
