import type { BaseEntry } from './base-entry.ts';

/** Which bases a command acts on; every given criterion must hold (AND). Empty: every base. */
export interface Selector {
  bases: string[];
  ids: string[];
  matches: string[];
  folder: string | undefined;
  connect: string | undefined;
}

export const everyBase: Selector = { bases: [], ids: [], matches: [], folder: undefined, connect: undefined };

export interface SelectionProblem {
  code: 'ambiguous-base';
  message: string;
  hint: string;
}

/** `*` any run, `?` one character, `[...]` a class; case-insensitive with Unicode (Cyrillic) folding. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] ?? '';
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else if (ch === '[' && glob.indexOf(']', i + 2) !== -1) {
      const close = glob.indexOf(']', i + 2);
      const body = glob
        .slice(i + 1, close)
        .replace(/^!/, '^')
        .replace(/[\\\]]/g, '\\$&');
      source += `[${body}]`;
      i = close;
    } else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'iu');
}

export function normalizeId(id: string): string {
  return id
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
}

function normalizeFolder(folder: string): string {
  const trimmed = folder.trim().replace(/\\/g, '/');
  return trimmed === '/' ? '/' : trimmed.replace(/\/+$/, '');
}

/** `--folder /Бухгалтерия` takes that folder and its subfolders, whole path segments only. */
function inFolder(entryFolder: string | undefined, wanted: string): boolean {
  const prefix = normalizeFolder(wanted).toLowerCase();
  const folder = normalizeFolder(entryFolder ?? '/').toLowerCase();
  if (prefix === '/' || prefix === '') return true;
  const absolute = prefix.startsWith('/') ? prefix : `/${prefix}`;
  const own = folder.startsWith('/') ? folder : `/${folder}`;
  return own === absolute || own.startsWith(`${absolute}/`);
}

export function selectBases(
  entries: readonly BaseEntry[],
  selector: Selector,
): { selected: BaseEntry[]; problems: SelectionProblem[] } {
  const problems: SelectionProblem[] = [];
  const bases = entries.filter((entry) => entry.isBase);
  for (const name of selector.bases) {
    const same = bases.filter((entry) => entry.name === name);
    if (same.length > 1) {
      problems.push({
        code: 'ambiguous-base',
        message: `--base "${name}" matches ${same.length} bases (IDs ${same.map((e) => e.id ?? '(none)').join(', ')})`,
        hint: 'select one of them with --id',
      });
    }
  }
  const patterns = selector.matches.map(globToRegExp);
  const ids = selector.ids.map(normalizeId);
  const connect = selector.connect?.toLowerCase();
  const selected = bases.filter(
    (entry) =>
      (selector.bases.length === 0 || selector.bases.includes(entry.name)) &&
      (ids.length === 0 || (entry.id !== undefined && ids.includes(normalizeId(entry.id)))) &&
      (patterns.length === 0 || patterns.some((p) => p.test(entry.name))) &&
      (selector.folder === undefined || inFolder(entry.folder, selector.folder)) &&
      (connect === undefined || (entry.connect ?? '').toLowerCase().includes(connect)),
  );
  return { selected, problems };
}
