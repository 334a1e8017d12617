import type { BaseStatus, StatusResponse } from '../../../contract/status.ts';
import { type BaseEntry, HELP_TEXT_KEY, HELP_URL_KEY } from './base-entry.ts';
import { csvRecords } from './csv.ts';
import type { BaseChange } from './modify.ts';
import { normalizeId } from './selector.ts';

/** `--map`: a .v8i base name or ID (with or without braces) → the service's baseKey. */
export type BaseKeyMap = Map<string, string>;

export type MapParse = { ok: true; map: BaseKeyMap } | { ok: false; problems: string[] };

/** JSON `{ "Бухгалтерия": "buh", "{ID}": "zup" }` or CSV with a header `base,baseKey`. */
export function parseBaseKeyMap(text: string): MapParse {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const map: BaseKeyMap = new Map();
  const problems: string[] = [];
  if (trimmed.startsWith('{')) {
    let raw: unknown;
    try {
      raw = JSON.parse(trimmed);
    } catch (error) {
      return { ok: false, problems: [`not valid JSON: ${(error as Error).message}`] };
    }
    for (const [from, to] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof to === 'string' && to.trim()) map.set(from, to.trim());
      else problems.push(`"${from}": the base key must be a non-empty string`);
    }
  } else {
    const { header, records } = csvRecords(text);
    if (!header.includes('basekey') || !(header.includes('base') || header.includes('id'))) {
      return { ok: false, problems: ['a CSV map needs the header "base,baseKey"'] };
    }
    records.forEach((record, index) => {
      const from = record.base || record.id || '';
      const to = (record.basekey ?? '').trim();
      if (from && to) map.set(from, to);
      else problems.push(`row ${index + 1}: needs both a base and a baseKey`);
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, map };
}

/** Map entries pointing at keys the service does not know: a typo we should stop on. */
export function unknownMapKeys(map: BaseKeyMap, status: StatusResponse): string[] {
  const known = new Set(status.bases.map((base) => base.key));
  return [...new Set(map.values())].filter((key) => !known.has(key));
}

/**
 * Help text and URL per .v8i base from the service: by `--map` (ID, then name), else by the service
 * base whose name equals the section name ignoring case, else the `*` defaults. A field the service
 * does not have is left as it is in the file.
 */
export function syncResolver(
  status: StatusResponse,
  map: BaseKeyMap,
): (entry: BaseEntry) => BaseChange | undefined {
  const byKey = new Map(status.bases.map((base) => [base.key, base]));
  const defaults = byKey.get('*');
  const byName = new Map<string, BaseStatus>();
  for (const base of status.bases) {
    const name = base.name.toLocaleLowerCase();
    if (base.key !== '*' && !byName.has(name)) byName.set(name, base);
  }
  const byId = new Map([...map].map(([from, to]) => [normalizeId(from), to]));
  return (entry) => {
    const mapped = (entry.id && byId.get(normalizeId(entry.id))) || map.get(entry.name);
    const base = (mapped ? byKey.get(mapped) : byName.get(entry.name.toLocaleLowerCase())) ?? defaults;
    const helpText = base?.helpText ?? defaults?.helpText;
    const helpURL = base?.helpURL ?? defaults?.helpURL;
    const set: Record<string, string> = {};
    if (helpText !== undefined) set[HELP_TEXT_KEY] = helpText.replace(/\s*[\r\n]+\s*/g, ' ');
    if (helpURL !== undefined) set[HELP_URL_KEY] = helpURL;
    return Object.keys(set).length > 0 ? { set } : undefined;
  };
}
