import { describe, expect, it } from 'vitest';
import { type KitShelf, planKitBuilds } from './kit-builds.ts';

function shelf(saved: Record<string, string> = {}): KitShelf {
  return {
    kits: () => Object.keys(saved),
    savedConfig: (name) => saved[name],
    readFile: (path) => {
      throw new Error(`ENOENT: ${path}`);
    },
  };
}

const BUH = JSON.stringify({
  statusURL: 'https://status.example/startup-error/buh',
  baseName: 'Бухгалтерия',
});

describe('planKitBuilds', () => {
  it('builds a named kit in its own folder, from its saved config with the options on top', () => {
    const plan = planKitBuilds(['--name=buh', '--help-text=Звоните 100'], {}, shelf({ buh: BUH }));
    expect(plan).toMatchObject({
      ok: true,
      builds: [
        {
          name: 'buh',
          config: {
            statusURL: 'https://status.example/startup-error/buh',
            baseName: 'Бухгалтерия',
            helpText: 'Звоните 100',
          },
        },
      ],
    });
    expect(
      planKitBuilds([], { STARTUP_HELP_NAME: 'zup', STARTUP_HELP_BASE_NAME: 'ЗУП' }, shelf()),
    ).toMatchObject({
      ok: true,
      builds: [{ name: 'zup', config: { baseName: 'ЗУП' } }],
    });
  });

  it('without options rebuilds every kit from its saved config, and the proxy kit', () => {
    const plan = planKitBuilds([], {}, shelf({ buh: BUH }));
    expect(plan).toMatchObject({
      ok: true,
      builds: [
        { name: 'buh', config: { baseName: 'Бухгалтерия' } },
        { name: 'default', config: { networkTimeoutSeconds: 10 } },
      ],
    });
    if (plan.ok) expect(plan.builds[1]?.config.statusURL).toBeUndefined();
  });

  it('refuses options that name no publication, a name that cannot be a folder, and a broken saved config', () => {
    const unnamed = planKitBuilds(['--status-url=https://s.example/startup-error/buh'], {}, shelf());
    expect(unnamed).toEqual({
      ok: false,
      error: expect.stringContaining('--status-url names no web publication'),
    });
    expect(unnamed.ok ? '' : unnamed.error).toContain('--name=buh');
    expect(planKitBuilds([], { STARTUP_HELP_BASE_NAME: 'x' }, shelf())).toMatchObject({ ok: false });
    expect(planKitBuilds(['--name=../etc'], {}, shelf())).toEqual({
      ok: false,
      error: expect.stringContaining('cannot be a folder name'),
    });
    const broken = planKitBuilds([], {}, shelf({ buh: JSON.stringify({ retryMaxSeconds: 'soon' }) }));
    expect(broken).toEqual({
      ok: false,
      error: expect.stringContaining('retryMaxSeconds must be a number (got "soon")'),
    });
    expect(broken.ok ? '' : broken.error).toContain('the kit "buh"');
  });
});
