import { BASE_KEY_SHAPE } from '../../contract/base-key.ts';
import { parseSwConfig, type SwConfig } from '../../contract/kit-config.ts';
import { PROXY_KIT } from '../../contract/kit-files.ts';
import { CONFIG_FILE_ENV, CONFIG_OPTIONS, resolveBuildConfig } from './build-config.ts';

/** One kit to build: its folder name under the kits folder and its config. */
export interface KitBuild {
  readonly name: string;
  readonly config: SwConfig;
}

/** What the planner may read: the kits built before and each one's saved config (its config file). */
export interface KitShelf {
  /** Folder names of the kits built before. */
  kits(): readonly string[];
  /** A kit's saved `startup-help.config.json`, or undefined when there is none. */
  savedConfig(name: string): string | undefined;
  readFile(path: string): string;
}

export const NAME_FLAG = 'name';
export const NAME_ENV = 'STARTUP_HELP_NAME';

const HOW =
  'Each web publication gets its own kit: npm run build:sw -- --name=buh --status-url=… builds dist/client-sw/buh/; ' +
  'npm run build:sw alone rebuilds every kit from its saved config.';

function savedObject(shelf: KitShelf, name: string): Record<string, unknown> | { error: string } | undefined {
  const text = shelf.savedConfig(name);
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // Reported below like any other shape problem.
  }
  return { error: `build:sw: the saved config of the kit "${name}" is not a JSON object; fix or delete it.` };
}

/** Every existing kit (and the proxy's `default`) again, each from its own saved config. */
function rebuildAll(shelf: KitShelf): { ok: true; builds: KitBuild[] } | { ok: false; error: string } {
  const names = [...new Set([PROXY_KIT, ...shelf.kits()])].sort();
  const builds: KitBuild[] = [];
  for (const name of names) {
    const saved = savedObject(shelf, name);
    if (saved && 'error' in saved && typeof saved.error === 'string')
      return { ok: false, error: saved.error };
    const parsed = parseSwConfig(saved ?? {}, `the saved config of the kit "${name}"`);
    if (!parsed.ok) return { ok: false, error: `build:sw: ${parsed.error}` };
    builds.push({ name, config: parsed.config });
  }
  return { ok: true, builds };
}

/**
 * Which kits one `npm run build:sw` builds. With `--name=buh` (or STARTUP_HELP_NAME): that kit, from
 * its saved config with the given options on top. Without a name and without options: every kit
 * built before, each from its saved config — so `npm run build` never replaces a configured kit with
 * a blank one. Options without a name are refused: which publication would they be for?
 */
export function planKitBuilds(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  shelf: KitShelf,
): { ok: true; builds: KitBuild[] } | { ok: false; error: string } {
  const nameArg = argv.find((arg) => arg.startsWith(`--${NAME_FLAG}=`));
  const name = nameArg?.slice(NAME_FLAG.length + 3) ?? env[NAME_ENV];
  const options = argv.filter((arg) => arg !== nameArg);
  const envOptions = [CONFIG_FILE_ENV, ...CONFIG_OPTIONS.map((option) => option.env)].filter(
    (variable) => env[variable],
  );
  if (name === undefined || name === '') {
    if (options.length === 0 && envOptions.length === 0) return rebuildAll(shelf);
    const given = [...options.map((arg) => arg.split('=')[0]), ...envOptions].join(', ');
    return {
      ok: false,
      error: `build:sw: ${given} names no web publication, so nothing was built. Add --name=<folder>, e.g. --name=buh. ${HOW}`,
    };
  }
  if (!BASE_KEY_SHAPE.test(name)) {
    return {
      ok: false,
      error: `build:sw: --name=${name} cannot be a folder name: use 1–64 Latin letters, digits, "_", "-" or ".", e.g. --name=buh.`,
    };
  }
  const saved = savedObject(shelf, name);
  if (saved && 'error' in saved && typeof saved.error === 'string') return { ok: false, error: saved.error };
  const resolved = resolveBuildConfig(options, env, shelf.readFile, saved ?? {});
  return resolved.ok ? { ok: true, builds: [{ name, config: resolved.config }] } : resolved;
}
