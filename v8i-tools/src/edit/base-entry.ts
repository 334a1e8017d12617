import type { KeyLine, Section, V8iDocument } from '../syntax/tree.ts';

export const HELP_TEXT_KEY = 'StartupErrorHelpText';
export const HELP_URL_KEY = 'StartupErrorHelpURL';

/** A section seen as a list entry: a base (it has `Connect=`) or a group. */
export interface BaseEntry {
  section: Section;
  name: string;
  isBase: boolean;
  id: string | undefined;
  connect: string | undefined;
  folder: string | undefined;
  /** Key lines by lower-cased key; more than one line means a duplicate key. */
  keys: Map<string, KeyLine[]>;
}

/** Keys repeat across thousands of lists (Connect, ID, Folder…): each spelling is folded once. */
const foldedKeys = new Map<string, string>();
export function foldKey(key: string): string {
  let folded = foldedKeys.get(key);
  if (folded === undefined) {
    folded = key.toLowerCase();
    if (foldedKeys.size < 4096) foldedKeys.set(key, folded);
  }
  return folded;
}

export function readEntry(section: Section): BaseEntry {
  const keys = new Map<string, KeyLine[]>();
  for (const line of section.body) {
    if (line.kind !== 'key') continue;
    const folded = foldKey(line.key);
    const same = keys.get(folded);
    if (same) same.push(line);
    else keys.set(folded, [line]);
  }
  const first = (key: string) => keys.get(key)?.[0]?.value;
  return {
    section,
    name: section.name,
    isBase: keys.has('connect'),
    id: first('id')?.trim(),
    connect: first('connect'),
    folder: first('folder'),
    keys,
  };
}

export function readEntries(doc: V8iDocument): BaseEntry[] {
  return doc.sections.map(readEntry);
}

export function entryValue(entry: BaseEntry, key: string): string | undefined {
  return entry.keys.get(foldKey(key))?.[0]?.value;
}
