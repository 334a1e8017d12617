import { HelpURL } from '../../../contract/help-url.ts';
import { fieldProblems, problemSentence } from '../../../contract/issue-words.ts';
import * as z from '../../../contract/zod.ts';
import { type BaseEntry, HELP_TEXT_KEY, HELP_URL_KEY } from './base-entry.ts';
import { csvRecords } from './csv.ts';
import type { BaseChange } from './modify.ts';
import { normalizeId } from './selector.ts';

const singleLine = z.string().check(
  z.refine((value) => !/[\r\n]/.test(value), {
    error: 'must be one line: a .v8i value ends at the line break',
  }),
);

/** One plan row: a base (name, `{ID}` or `*` for every other base) → help text and/or URL. */
export const PlanRow = z
  .strictObject({
    base: z.optional(z.string().check(z.trim(), z.minLength(1))),
    id: z.optional(z.string().check(z.trim(), z.minLength(1))),
    helpText: z.optional(singleLine),
    helpURL: z.optional(HelpURL),
  })
  .check(
    z.refine((row) => row.base !== undefined || row.id !== undefined, { error: 'needs "base" or "id"' }),
    z.refine((row) => row.helpText !== undefined || row.helpURL !== undefined, {
      error: 'needs "helpText" or "helpURL"',
    }),
  );
export type PlanRow = z.infer<typeof PlanRow>;

export type PlanParse = { ok: true; rows: PlanRow[] } | { ok: false; problems: string[] };

const guid = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/** What a row points at: an ID (a GUID in `base` counts as one), a name, or `*`. */
function targetOf(row: PlanRow): { id: string } | { name: string } {
  const id = row.id ?? (row.base && guid.test(row.base) ? row.base : undefined);
  return id ? { id: normalizeId(id) } : { name: row.base ?? '' };
}

/** How a user finds a row again in the plan: `row 3 (base "Склад")`. */
export function describePlanRow(row: PlanRow, index: number): string {
  const target = targetOf(row);
  return `row ${index + 1} (${'id' in target ? `id ${target.id}` : `base "${target.name}"`})`;
}

function rowsFromCsv(text: string): unknown[] {
  const { records } = csvRecords(text);
  const column = (record: Record<string, string>, ...names: string[]) => {
    for (const name of names) {
      const value = record[name.toLowerCase()];
      if (value !== undefined && value !== '') return value;
    }
    return undefined;
  };
  return records.map((record) => {
    const row: Record<string, string | undefined> = {
      base: column(record, 'base', 'name'),
      id: column(record, 'id'),
      helpText: column(record, 'helpText', HELP_TEXT_KEY),
      helpURL: column(record, 'helpURL', HELP_URL_KEY),
    };
    return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
  });
}

/** Reads a plan: JSON (an array of rows) or CSV with a header `base,helpText,helpURL`. */
export function parsePlan(text: string, fileName: string): PlanParse {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  let raw: unknown;
  if (trimmed.startsWith('[') || trimmed.startsWith('{') || fileName.toLowerCase().endsWith('.json')) {
    try {
      raw = JSON.parse(trimmed);
    } catch (error) {
      return { ok: false, problems: [`not valid JSON: ${(error as Error).message}`] };
    }
  } else {
    raw = rowsFromCsv(text);
  }
  if (!Array.isArray(raw)) return { ok: false, problems: ['the plan must be a list of rows'] };
  const problems: string[] = [];
  const rows: PlanRow[] = [];
  // Only one row can reach a base, so a second row for it would silently lose the first one's fields.
  const rowOfTarget = new Map<string, number>();
  raw.forEach((item, index) => {
    const parsed = PlanRow.safeParse(item, { reportInput: true });
    if (parsed.success) {
      rows.push(parsed.data);
      const target = targetOf(parsed.data);
      const key = 'id' in target ? `id ${target.id}` : `base "${target.name}"`;
      const earlier = rowOfTarget.get(key);
      if (earlier === undefined) rowOfTarget.set(key, index + 1);
      else
        problems.push(
          `row ${index + 1}: ${key} is already in row ${earlier}; put its help text and URL in one row`,
        );
    } else {
      for (const problem of fieldProblems(parsed.error.issues, 'en', 'the row')) {
        problems.push(`row ${index + 1}: ${problemSentence(problem)}`);
      }
    }
  });
  if (rows.length === 0 && problems.length === 0) problems.push('the plan has no rows');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

function changeOf(row: PlanRow): BaseChange {
  const set: Record<string, string> = {};
  if (row.helpText !== undefined) set[HELP_TEXT_KEY] = row.helpText;
  if (row.helpURL !== undefined) set[HELP_URL_KEY] = row.helpURL;
  return { set };
}

/**
 * The change for each base: a row naming its ID wins, then a row naming it exactly (a GUID in `base`
 * counts as an ID), then the `*` row; bases no row reaches stay as they are. `onReach` hears of every
 * row that reached a base, so a row that never does (a misspelt name) can be reported.
 */
export function planResolver(
  rows: readonly PlanRow[],
  onReach?: (row: PlanRow) => void,
): (entry: BaseEntry) => BaseChange | undefined {
  const byId = new Map<string, PlanRow>();
  const byName = new Map<string, PlanRow>();
  let fallback: PlanRow | undefined;
  for (const row of rows) {
    const target = targetOf(row);
    if ('id' in target) byId.set(target.id, row);
    else if (target.name === '*') fallback = row;
    else byName.set(target.name, row);
  }
  return (entry) => {
    const row = (entry.id && byId.get(normalizeId(entry.id))) || byName.get(entry.name) || fallback;
    if (!row) return undefined;
    onReach?.(row);
    return changeOf(row);
  };
}
