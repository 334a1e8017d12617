import { describe, expect, it } from 'vitest';
import { parseSwConfig, SwConfig } from './kit-config.ts';

describe('SwConfig', () => {
  it('fills the documented defaults for an empty config', () => {
    expect(SwConfig.parse({})).toEqual({
      defaultLanguage: 'ru',
      networkTimeoutSeconds: 10,
      fallbackStatuses: [502, 503, 504],
      retryInitialSeconds: 10,
      retryMaxSeconds: 60,
      statusRefreshSeconds: 300,
    });
  });

  it('keeps a zero-free explicit value rather than replacing it with a default', () => {
    expect(SwConfig.parse({ fallbackStatuses: [] }).fallbackStatuses).toEqual([]);
    expect(SwConfig.parse({ networkTimeoutSeconds: 0.5 }).networkTimeoutSeconds).toBe(0.5);
  });

  it('accepts a help text per language', () => {
    const config = SwConfig.parse({ helpText: { ru: 'Звоните 123', en: 'Call 123' } });
    expect(config.helpText).toEqual({ ru: 'Звоните 123', en: 'Call 123' });
  });
});

describe('parseSwConfig', () => {
  it('names every wrong field, where it is, and how to fix it', () => {
    const result = parseSwConfig(
      { statusUrl: 'x', helpURL: 'javascript:alert(1)', networkTimeoutSeconds: 0, fallbackStatuses: [200] },
      'startup-help.config.json',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('startup-help.config.json is not a valid startup-help config');
    expect(result.error).toContain('statusUrl');
    expect(result.error).toContain(
      '  helpURL must be an absolute http:// or https:// URL (got "javascript:alert(1)")',
    );
    expect(result.error).toContain('  networkTimeoutSeconds must be more than 0');
    expect(result.error).toContain('  fallbackStatuses.0 must be an HTTP error status (400–599)');
    expect(result.error).toContain('  statusUrl is not a known field: remove it or check the spelling');
    expect(result.error).toContain('docs/web-client.md');
  });

  it('refuses a non-http status URL and a retry cap below the first delay', () => {
    expect(parseSwConfig({ statusURL: 'ftp://status.local/x' }, 'c').ok).toBe(false);
    const capped = parseSwConfig({ retryInitialSeconds: 30, retryMaxSeconds: 10 }, 'c');
    expect(capped).toEqual({ ok: false, error: expect.stringContaining('retryMaxSeconds (10)') });
  });

  it('passes a valid config through', () => {
    const result = parseSwConfig(
      { statusURL: 'https://status.example.local/startup-error/buh', baseName: 'Бух' },
      'c',
    );
    expect(result).toMatchObject({ ok: true, config: { baseName: 'Бух', networkTimeoutSeconds: 10 } });
  });
});
