export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export type ParsedArgs =
  | { ok: true; values: OptionValues; positionals: string[] }
  | { ok: false; message: string };

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * `--name value`, `--name=value`, `-x`, repeatable options and `--` (everything after it is a path).
 * Unknown options are refused with the closest known name, because a mistyped selector that was
 * silently ignored would edit every base.
 */
export function parseArgs(argv: readonly string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const values: OptionValues = {};
  const positionals: string[] = [];
  const byShort = new Map(Object.entries(spec).flatMap(([name, o]) => (o.short ? [[o.short, name]] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const rawName = arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : arg.slice(1);
    const name = arg.startsWith('--') ? rawName : (byShort.get(rawName) ?? rawName);
    // Own keys only: `--toString` or `--constructor` must not find Object.prototype's members.
    const option = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!option) {
      const near = Object.keys(spec).find((known) => editDistance(known, rawName) <= 2);
      return { ok: false, message: `unknown option ${arg}${near ? ` (did you mean --${near}?)` : ''}` };
    }
    if (option.type === 'boolean') {
      if (eq !== -1) return { ok: false, message: `--${name} takes no value` };
      values[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq !== -1 && arg.startsWith('--')) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined) return { ok: false, message: `--${name} needs a value` };
    if (option.multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    else if (values[name] !== undefined) return { ok: false, message: `--${name} is given twice` };
    else values[name] = value;
  }
  return { ok: true, values, positionals };
}
