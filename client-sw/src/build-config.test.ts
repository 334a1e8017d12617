import { describe, expect, it } from 'vitest';
import { resolveBuildConfig } from './build-config.ts';

const noFile = (path: string): string => {
  throw new Error(`ENOENT: no such file, open '${path}'`);
};

describe('resolveBuildConfig', () => {
  it('reads every field from STARTUP_HELP_* variables', () => {
    const result = resolveBuildConfig(
      [],
      {
        STARTUP_HELP_STATUS_URL: 'https://status.example.local/startup-error/buh',
        STARTUP_HELP_BASE_NAME: 'Бухгалтерия',
        STARTUP_HELP_NETWORK_TIMEOUT_SECONDS: '5',
        STARTUP_HELP_FALLBACK_STATUSES: '502,503',
      },
      noFile,
    );
    expect(result).toMatchObject({
      ok: true,
      config: {
        statusURL: 'https://status.example.local/startup-error/buh',
        baseName: 'Бухгалтерия',
        networkTimeoutSeconds: 5,
        fallbackStatuses: [502, 503],
      },
    });
  });

  it('lets flags override variables, and variables override the config file', () => {
    const file = JSON.stringify({ baseName: 'From file', helpText: 'File help', retryMaxSeconds: 120 });
    const result = resolveBuildConfig(
      ['--config=site.json', '--base-name=From flag'],
      { STARTUP_HELP_BASE_NAME: 'From env', STARTUP_HELP_HELP_TEXT: 'Env help' },
      (path) => (path === 'site.json' ? file : noFile(path)),
    );
    expect(result).toMatchObject({
      ok: true,
      config: { baseName: 'From flag', helpText: 'Env help', retryMaxSeconds: 120 },
    });
  });

  it('reports an unknown flag with the list of known ones', () => {
    const result = resolveBuildConfig(['--status-uri=x'], {}, noFile);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('unknown option --status-uri') });
    expect(result.ok ? '' : result.error).toContain('--status-url');
  });

  it('reports a flag without a value, an unreadable file and a wrong value', () => {
    expect(resolveBuildConfig(['--base-name'], {}, noFile)).toEqual({
      ok: false,
      error: expect.stringContaining('write it as --name=value'),
    });
    expect(resolveBuildConfig(['--config=missing.json'], {}, noFile)).toEqual({
      ok: false,
      error: expect.stringContaining('cannot read config file missing.json'),
    });
    const wrong = resolveBuildConfig(['--network-timeout-seconds=soon'], {}, noFile);
    expect(wrong).toEqual({ ok: false, error: expect.stringContaining('networkTimeoutSeconds') });
  });
});
