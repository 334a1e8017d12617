import { dominantLineEnding } from '../syntax/line-ending.ts';
import type { KeyLine, Line, V8iDocument } from '../syntax/tree.ts';
import { type BaseEntry, foldKey } from './base-entry.ts';
import type { TextEdit } from './text-edit.ts';

/** What to do to one base: keys to set (canonical spelling → raw value) and keys to remove. */
export interface BaseChange {
  set?: Record<string, string>;
  unset?: string[];
}

export interface EditProblem {
  code: 'duplicate-key';
  message: string;
  hint: string;
}

export type EditPlan =
  | { ok: true; edits: TextEdit[]; touched: BaseEntry[] }
  | { ok: false; problem: EditProblem };

function allLines(doc: V8iDocument): Line[] {
  const lines = [...doc.preamble];
  for (const section of doc.sections) lines.push(section.header, ...section.body);
  return lines;
}

const lineEnd = (line: Line) => line.offset + line.source.length;

/**
 * Removal ranges for whole lines. A removed run that ends the file without a final newline takes the
 * newline before it instead, so that unset after set gives back the original bytes.
 */
function removalEdits(lines: Line[], removed: Set<Line>): TextEdit[] {
  const edits: TextEdit[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i];
    if (!first || !removed.has(first)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && removed.has(lines[j + 1] as Line)) j++;
    const last = lines[j] as Line;
    const previous = lines[i - 1];
    const start = last.eol === '' && previous ? lineEnd(previous) : first.offset;
    const end = lineEnd(last) + last.eol.length;
    edits.push({ offset: start, length: end - start, content: '' });
    i = j + 1;
  }
  return edits;
}

/**
 * Turns per-base changes into text edits that touch only what must change: a value is replaced in
 * place, a missing key is inserted after the section's last key line with the file's line ending,
 * a removed key loses its whole line. A base holding a changed key twice refuses the whole file.
 */
export function planChanges(
  doc: V8iDocument,
  entries: readonly BaseEntry[],
  changeFor: (entry: BaseEntry) => BaseChange | undefined,
): EditPlan {
  // Only an insertion needs the file's line ending; most edits replace values in place.
  let fileEol: string | undefined;
  const edits: TextEdit[] = [];
  const removed = new Set<Line>();
  const touched: BaseEntry[] = [];

  for (const entry of entries) {
    const change = changeFor(entry);
    if (!change) continue;
    const keys = [...Object.keys(change.set ?? {}), ...(change.unset ?? [])];
    for (const key of keys) {
      const lines = entry.keys.get(foldKey(key)) ?? [];
      if (lines.length > 1) {
        return {
          ok: false,
          problem: {
            code: 'duplicate-key',
            message: `[${entry.name}] has ${key} twice (lines ${lines.map((l) => l.line).join(' and ')}), so it is unclear which one 1C uses`,
            hint: 'delete one of the lines by hand (v8i check lists them), then run again',
          },
        };
      }
    }

    const before = edits.length + removed.size;
    const inserted: string[] = [];
    for (const [key, value] of Object.entries(change.set ?? {})) {
      const existing = entry.keys.get(foldKey(key))?.[0];
      if (!existing) inserted.push(`${key}=${value}`);
      else if (existing.value !== value) {
        edits.push({ offset: existing.valueOffset, length: existing.value.length, content: value });
      }
    }
    if (inserted.length > 0) {
      fileEol ??= dominantLineEnding(doc);
      const eol = fileEol;
      const keyLines = entry.section.body.filter((line): line is KeyLine => line.kind === 'key');
      const anchor: Line = keyLines[keyLines.length - 1] ?? entry.section.header;
      edits.push(
        anchor.eol === ''
          ? { offset: lineEnd(anchor), length: 0, content: inserted.map((line) => eol + line).join('') }
          : {
              offset: lineEnd(anchor) + anchor.eol.length,
              length: 0,
              content: inserted.map((l) => l + eol).join(''),
            },
      );
    }
    for (const key of change.unset ?? []) {
      const existing = entry.keys.get(foldKey(key))?.[0];
      if (existing) removed.add(existing);
    }
    if (edits.length + removed.size > before) touched.push(entry);
  }

  edits.push(...removalEdits(allLines(doc), removed));
  return { ok: true, edits, touched };
}
