import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SwConfig } from '../../../contract/kit-config.ts';
import { bundledOfflinePageAssets } from './bundled-page-assets.ts';
import type { OfflinePageState } from './offline-view.ts';
import {
  escapeHtml,
  type OfflinePageAssets,
  offlinePageCsp,
  renderOfflinePage,
} from './render-offline-page.ts';
import { injectOfflinePageState } from './state-json.ts';

const NOW = Date.parse('2026-11-23T12:00:00+03:00');
const ASSETS = bundledOfflinePageAssets();
const HOSTILE = '<img src=x onerror="alert(1)"></script><script>alert(2)</script>&amp;';

function state(overrides: Partial<OfflinePageState> = {}): OfflinePageState {
  return {
    config: SwConfig.parse({ baseName: 'Бухгалтерия', helpText: 'Звоните: +7 (495) 123-45-67' }),
    failure: {
      kind: 'server-error',
      status: 503,
      url: 'https://1c.example.local/buh/',
      at: '2026-11-23T11:59:00+03:00',
    },
    ...overrides,
  };
}

function inlineBlocks(html: string, tag: 'script' | 'style'): string[] {
  return [...html.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^]*?)</${tag}>`, 'g'))].map(
    (match) => match[1] ?? '',
  );
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('renderOfflinePage', () => {
  it('renders the texts in the requested language, with the failure in the details', () => {
    const ru = renderOfflinePage(state(), ASSETS, { now: NOW, timeZone: 'Europe/Moscow' });
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('Не удаётся подключиться к Бухгалтерия');
    expect(ru).toContain('Ошибка сервера (HTTP 503)');
    expect(ru).toContain('Показать подробности…');
    const lv = renderOfflinePage(state({ language: 'lv' }), ASSETS, { now: NOW });
    expect(lv).toContain('<html lang="lv">');
    expect(lv).toContain('Neizdodas savienoties ar Бухгалтерия');
  });

  it('shows a message the server already knows, with its deadline in local time', () => {
    const html = renderOfflinePage(
      state({
        initialStatus: {
          userMessage: 'Идут плановые работы.',
          displayUntil: '2026-11-23T14:00:00+03:00',
          helpURL: 'https://help.example.local/1c',
        },
      }),
      ASSETS,
      { now: NOW, timeZone: 'Europe/Moscow' },
    );
    expect(html).toContain('<p id="sh-user-message">Идут плановые работы.</p>');
    expect(html).toContain('Ориентировочно до 14:00');
    expect(html).toContain('href="https://help.example.local/1c"');
  });

  it('escapes every admin-provided text and keeps the state JSON inside its block', () => {
    const html = renderOfflinePage(
      state({
        config: SwConfig.parse({ baseName: HOSTILE, helpText: HOSTILE }),
        initialStatus: { userMessage: HOSTILE, helpText: HOSTILE },
        failure: {
          kind: 'refused',
          url: `https://1c.example.local/buh/?q=${HOSTILE}`,
          at: '2026-11-23T11:59:00Z',
        },
      }),
      ASSETS,
      { now: NOW },
    );
    // Exactly our two script elements (the JSON state and the page script) and no injected markup.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toContain('<img');
    expect(html).toContain(escapeHtml(HOSTILE));
    const [json] = inlineBlocks(html, 'script');
    expect(JSON.parse(json ?? '')).toMatchObject({ initialStatus: { userMessage: HOSTILE } });
  });

  it('turns only http(s) help URLs into links', () => {
    const html = renderOfflinePage(
      state({ initialStatus: { helpURL: 'javascript:alert(1)' as `https://${string}` } }),
      ASSETS,
      { now: NOW },
    );
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).toContain('<p id="sh-help" hidden>');
  });

  it('publishes CSP hashes that match the inline script and style, without unsafe-inline', () => {
    const html = renderOfflinePage(state(), ASSETS, { now: NOW });
    const scripts = inlineBlocks(html, 'script');
    const [style] = inlineBlocks(html, 'style');
    expect(sha256(scripts[1] ?? '')).toBe(ASSETS.scriptHash);
    expect(sha256(style ?? '')).toBe(ASSETS.styleHash);
    const csp = offlinePageCsp(ASSETS, { statusURL: 'https://status.example.local/startup-error/buh' });
    expect(csp).toContain(`script-src ${ASSETS.scriptHash}`);
    expect(csp).toContain(`style-src ${ASSETS.styleHash}`);
    expect(csp).toContain(`connect-src 'self' https://status.example.local`);
    expect(csp).not.toContain('unsafe-inline');
    expect(html).toContain(escapeHtml(offlinePageCsp(ASSETS)));
  });

  it('inlines the script and style it is given, and allows exactly those in its CSP', () => {
    const given: OfflinePageAssets = {
      script: 'console.log(1)',
      style: 'body{color:red}',
      scriptHash: sha256('console.log(1)'),
      styleHash: sha256('body{color:red}'),
    };
    const html = renderOfflinePage(state(), given, { now: NOW });
    expect(inlineBlocks(html, 'script')[1]).toBe(given.script);
    expect(inlineBlocks(html, 'style')).toEqual([given.style]);
    expect(html).toContain(escapeHtml(`script-src ${given.scriptHash}; style-src ${given.styleHash}`));
    expect(html).not.toContain(ASSETS.script);
  });
});

describe('injectOfflinePageState', () => {
  it('replaces the state of a rendered page, safely serialised', () => {
    const html = renderOfflinePage(state(), ASSETS, { now: NOW });
    const next = state({
      failure: { kind: 'timeout', url: 'https://x/buh/</script>', at: '2026-11-23T11:59:00Z' },
    });
    const injected = injectOfflinePageState(html, next);
    const [json] = inlineBlocks(injected, 'script');
    expect(JSON.parse(json ?? '')).toEqual(next);
    expect(injected.match(/<\/script>/g)).toHaveLength(2);
    expect(injectOfflinePageState(injected, state())).toBe(html);
  });

  it('refuses a page without the state block', () => {
    expect(() => injectOfflinePageState('<html></html>', {})).toThrow(/startup-help-state/);
  });
});
