import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { ROOT_PATHS_WITHOUT_PROXY } from '../routes/root-routes.ts';
import type { Store } from '../store/store.ts';
import { isOwnRoute } from './own-routes.ts';

describe('isOwnRoute', () => {
  it('covers the service routes, below them and their suffixed forms', () => {
    for (const path of [
      '/startup-error',
      '/startup-error/buh',
      '/startup-error.json',
      '/startup-error/buh.json',
      '/api/status',
      '/admin',
      '/admin/',
      '/status',
      '/feed.atom',
      '/healthz',
      '/openapi.json',
    ]) {
      expect(isOwnRoute(path), path).toBe(true);
    }
  });

  it('leaves 1C publications and look-alikes to the origin', () => {
    for (const path of ['/', '/buh/', '/buh/api/x', '/apis', '/statuses', '/administration', '/healthzz']) {
      expect(isOwnRoute(path), path).toBe(false);
    }
  });
});

describe('OWN_ROUTES and the app', () => {
  it('covers every route the app mounts, so proxy mode never sends one of them to the 1C server', () => {
    const unused = () => Promise.reject(new Error('not used'));
    // Mounting reads nothing: every store method may fail.
    const store = new Proxy({}, { get: () => unused }) as Store;
    const app = createApp({ store, verifyAdminToken: async () => undefined });
    const paths = [...new Set(app.routes.map((route) => route.path.replace(/\/?[:*].*$/, '') || '/'))]
      // Mounted only when proxy mode is off: in proxy mode they belong to the 1C web server.
      .filter((path) => !ROOT_PATHS_WITHOUT_PROXY.includes(path));
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) expect(isOwnRoute(path), `${path} is mounted in app.ts`).toBe(true);
  });
});
