import { describe, expect, it } from 'vitest';
import { clientKitFromText, matchKitFile, registerScriptTag, serveKitFile } from './client-kit.ts';

const KIT = clientKitFromText(
  { 'sw.js': '/* sw */', 'register-sw.js': '/* register */', 'offline.html': '<html></html>' },
  {
    networkTimeoutSeconds: 10,
    statusURL: 'https://built.example/startup-error/zup',
    baseName: 'Зарплата',
    helpText: 'built-in help',
  },
);

describe('client kit', () => {
  it('matches exactly the four kit files directly in a base folder', () => {
    expect(matchKitFile('/buh/sw.js')).toBe('sw.js');
    expect(matchKitFile('/buh/register-sw.js')).toBe('register-sw.js');
    expect(matchKitFile('/buh/offline.html')).toBe('offline.html');
    expect(matchKitFile('/buh/startup-help.config.json')).toBe('startup-help.config.json');
    for (const path of [
      '/sw.js',
      '/buh/ru_RU/sw.js',
      '/buh/sw.js/',
      '/buh/sw.jsx',
      '/buh/..%2fsw.js',
      '/buh/x.js',
    ]) {
      expect(matchKitFile(path), path).toBeUndefined();
    }
  });

  it('injects a tag pointing at the base folder', () => {
    expect(registerScriptTag('ut-11.5')).toBe('<script src="/ut-11.5/register-sw.js" defer></script>');
  });

  it('makes the config per base: this service as statusURL, no per-base field from the build', async () => {
    const response = await serveKitFile(
      KIT,
      'buh',
      'startup-help.config.json',
      'https://1c.example.com',
      () => ({
        baseName: 'Бухгалтерия',
      }),
    );
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    // `helpText` and `baseName` of the build described one base; the service knows each base's own.
    expect(await response.json()).toEqual({
      networkTimeoutSeconds: 10,
      statusURL: 'https://1c.example.com/startup-error/buh',
      baseName: 'Бухгалтерия',
    });
  });

  it('serves scripts as JavaScript and the page as HTML, revalidated on every use', async () => {
    const sw = await serveKitFile(KIT, 'buh', 'sw.js', 'https://1c.example.com', undefined);
    expect(sw.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(await sw.text()).toBe('/* sw */');
    const page = await serveKitFile(KIT, 'buh', 'offline.html', 'https://1c.example.com', undefined);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});
