import { parseSwConfig, type SwConfig } from '../../contract/kit-config.ts';

/** `--status-url=…` or `STARTUP_HELP_STATUS_URL=…` → `statusURL`, and so on for every config field. */
export const CONFIG_OPTIONS: ReadonlyArray<{
  readonly flag: string;
  readonly env: string;
  readonly field: keyof SwConfig;
  readonly kind: 'text' | 'number' | 'numbers';
}> = [
  { flag: 'status-url', env: 'STARTUP_HELP_STATUS_URL', field: 'statusURL', kind: 'text' },
  { flag: 'base-name', env: 'STARTUP_HELP_BASE_NAME', field: 'baseName', kind: 'text' },
  { flag: 'help-text', env: 'STARTUP_HELP_HELP_TEXT', field: 'helpText', kind: 'text' },
  { flag: 'help-url', env: 'STARTUP_HELP_HELP_URL', field: 'helpURL', kind: 'text' },
  { flag: 'time-zone', env: 'STARTUP_HELP_TIME_ZONE', field: 'timeZone', kind: 'text' },
  { flag: 'default-language', env: 'STARTUP_HELP_DEFAULT_LANGUAGE', field: 'defaultLanguage', kind: 'text' },
  {
    flag: 'network-timeout-seconds',
    env: 'STARTUP_HELP_NETWORK_TIMEOUT_SECONDS',
    field: 'networkTimeoutSeconds',
    kind: 'number',
  },
  {
    flag: 'fallback-statuses',
    env: 'STARTUP_HELP_FALLBACK_STATUSES',
    field: 'fallbackStatuses',
    kind: 'numbers',
  },
  {
    flag: 'retry-initial-seconds',
    env: 'STARTUP_HELP_RETRY_INITIAL_SECONDS',
    field: 'retryInitialSeconds',
    kind: 'number',
  },
  {
    flag: 'retry-max-seconds',
    env: 'STARTUP_HELP_RETRY_MAX_SECONDS',
    field: 'retryMaxSeconds',
    kind: 'number',
  },
  {
    flag: 'status-refresh-seconds',
    env: 'STARTUP_HELP_STATUS_REFRESH_SECONDS',
    field: 'statusRefreshSeconds',
    kind: 'number',
  },
];

export const CONFIG_FILE_FLAG = 'config';
export const CONFIG_FILE_ENV = 'STARTUP_HELP_CONFIG';

function convert(kind: 'text' | 'number' | 'numbers', raw: string): unknown {
  if (kind === 'text') return raw;
  // Leave unparsable text as is: the schema then names the field and what it expects.
  const number = (part: string) =>
    part.trim() !== '' && Number.isFinite(Number(part)) ? Number(part) : part;
  return kind === 'number' ? number(raw) : raw.split(',').map(number);
}

/**
 * The build's config: `base` (a kit's saved config), overridden by a JSON file (`--config=path` /
 * STARTUP_HELP_CONFIG), overridden by environment variables, overridden by flags; validated with the
 * same schema the service worker uses.
 */
export function resolveBuildConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string,
  base: Readonly<Record<string, unknown>> = {},
): { ok: true; config: SwConfig } | { ok: false; error: string } {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)=(.*)$/s.exec(arg);
    const name = match?.[1];
    if (!match || name === undefined) {
      return { ok: false, error: `build:sw: cannot read argument "${arg}"; write it as --name=value` };
    }
    if (name !== CONFIG_FILE_FLAG && !CONFIG_OPTIONS.some((option) => option.flag === name)) {
      const known = ['name', CONFIG_FILE_FLAG, ...CONFIG_OPTIONS.map((option) => option.flag)].join(', --');
      return { ok: false, error: `build:sw: unknown option --${name}; known options: --${known}` };
    }
    flags.set(name, match[2] ?? '');
  }
  const file = flags.get(CONFIG_FILE_FLAG) ?? env[CONFIG_FILE_ENV];
  let input: Record<string, unknown> = { ...base };
  if (file !== undefined && file !== '') {
    try {
      const parsed: unknown = JSON.parse(readFile(file));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return { ok: false, error: `build:sw: ${file} must hold a JSON object` };
      }
      input = { ...input, ...(parsed as Record<string, unknown>) };
    } catch (error) {
      return { ok: false, error: `build:sw: cannot read config file ${file}: ${(error as Error).message}` };
    }
  }
  for (const option of CONFIG_OPTIONS) {
    const raw = flags.get(option.flag) ?? env[option.env];
    if (raw !== undefined && raw !== '') input[option.field] = convert(option.kind, raw);
  }
  return parseSwConfig(input, file ?? 'the build config (flags and STARTUP_HELP_* variables)');
}
