import type { Colors } from 'picocolors/types';
import type { FileResult } from './edit-file.ts';
import type { FileError } from './load-file.ts';

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** `changed 312 of 1,204 files (2,811 bases); 2 failed` — or `would change …` in a dry run. */
export function renderSummary(results: readonly FileResult[], dryRun: boolean): string {
  const changed = results.filter((r) => r.status === 'changed');
  const failedCount = results.filter((r) => r.status === 'failed').length;
  const bases = changed.reduce((sum, r) => sum + r.bases, 0);
  const verb = dryRun ? 'would change' : 'changed';
  let line = `${verb} ${count(changed.length)} of ${plural(results.length, 'file', 'files')} (${plural(bases, 'base', 'bases')})`;
  if (failedCount > 0) line += `; ${count(failedCount)} failed`;
  if (dryRun) line += '; nothing written (dry run)';
  return line;
}

/** What failed, the detail, and how to fix it — one file per block; the path once, even if the message names it. */
export function renderFileError(path: string, error: FileError, colors: Colors): string {
  const what = error.message.includes(path) ? error.message : `${path}: ${error.message}`;
  return `${colors.red('✖')} ${what} [${error.code}]\n    ${colors.dim('→')} ${error.hint}\n`;
}

export interface JsonReport {
  command: string;
  dryRun: boolean;
  /** Discovered lists that were skipped, and why. */
  notes: string[];
  summary: { files: number; changed: number; unchanged: number; failed: number; bases: number };
  files: {
    path: string;
    status: FileResult['status'];
    bases: number;
    backup?: string;
    error?: FileError;
  }[];
}

export function jsonReport(
  command: string,
  results: readonly FileResult[],
  dryRun: boolean,
  notes: readonly string[] = [],
): JsonReport {
  const by = (status: FileResult['status']) => results.filter((r) => r.status === status).length;
  return {
    command,
    dryRun,
    notes: [...notes],
    summary: {
      files: results.length,
      changed: by('changed'),
      unchanged: by('unchanged'),
      failed: by('failed'),
      bases: results.reduce((sum, r) => sum + (r.status === 'changed' ? r.bases : 0), 0),
    },
    files: results.map((r) => ({
      path: r.path,
      status: r.status,
      bases: r.bases,
      ...(r.backupPath ? { backup: r.backupPath } : {}),
      ...(r.error ? { error: r.error } : {}),
    })),
  };
}
