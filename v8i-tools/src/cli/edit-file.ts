import type { BaseEntry } from '../edit/base-entry.ts';
import type { BaseChange } from '../edit/modify.ts';
import { planChanges } from '../edit/modify.ts';
import { type Selector, selectBases } from '../edit/selector.ts';
import { applyEdits } from '../edit/text-edit.ts';
import { encodeText } from '../fs/encoding.ts';
import type { Target } from '../fs/file-system.ts';
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

/**
 * One file through the whole edit: load, select, plan, then diff or write. A dry run makes the same
 * checks of rights the write would make, so it reports the same failures. Never throws.
 */
export async function editFile(io: CliIo, target: Target, request: EditRequest): Promise<FileResult> {
  const { path, absolute } = target;
  const loaded = await loadFile(io, target);
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
  try {
    if (request.dryRun) {
      await io.fs.checkWritable(absolute, file.snapshot);
      return { ...base, status: 'changed', diff: request.renderDiff(path, file.text, after) };
    }
    const written = await io.fs.writeAtomic(absolute, encodeText(after, file.encoding), {
      original: file.snapshot,
      backup: request.backup,
      now: io.now(),
    });
    return { ...base, status: 'changed', ...written };
  } catch (error) {
    return failed(path, asFileError(error));
  }
}
