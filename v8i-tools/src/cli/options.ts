import type { Selector } from '../edit/selector.ts';
import type { OptionSpec, OptionValues } from './args.ts';

export const commonOptions: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  discover: { type: 'boolean' },
  users: { type: 'string' },
  lists: { type: 'string' },
};

export const selectorOptions: Record<string, OptionSpec> = {
  base: { type: 'string', multiple: true },
  id: { type: 'string', multiple: true },
  match: { type: 'string', multiple: true },
  folder: { type: 'string' },
  connect: { type: 'string' },
};

export const writeOptions: Record<string, OptionSpec> = {
  'dry-run': { type: 'boolean', short: 'n' },
  backup: { type: 'boolean' },
};

/** Enough parallel reads and writes to keep a disk or a network share busy, far below any fd limit. */
export const DEFAULT_JOBS = 16;
const MAX_JOBS = 256;

export function selectorFrom(values: OptionValues): Selector {
  return {
    bases: (values.base as string[] | undefined) ?? [],
    ids: (values.id as string[] | undefined) ?? [],
    matches: (values.match as string[] | undefined) ?? [],
    folder: values.folder as string | undefined,
    connect: values.connect as string | undefined,
  };
}

export function hasSelector(selector: Selector): boolean {
  return (
    selector.bases.length + selector.ids.length + selector.matches.length > 0 ||
    selector.folder !== undefined ||
    selector.connect !== undefined
  );
}

export function jobsFrom(values: OptionValues): number | string {
  const raw = values.jobs as string | undefined;
  if (raw === undefined) return DEFAULT_JOBS;
  const jobs = Number(raw);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) {
    return `--jobs must be a whole number from 1 to ${MAX_JOBS} (got "${raw}")`;
  }
  return jobs;
}

/** A value must stay on one line: 1C reads a .v8i line by line, so a line break would cut the text. */
export function checkHelpText(text: string): string | undefined {
  if (/[\r\n]/.test(text)) {
    return '--help-text must be one line: a .v8i value ends at the line break, and 1C would read the rest as a broken line. Put it on one line, or move the longer text behind --help-url';
  }
  return undefined;
}

export function checkHelpUrl(url: string): string | undefined {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    return `--help-url must be an absolute http:// or https:// address (got "${url}"), e.g. https://help.example.local/1c`;
  }
  return undefined;
}
