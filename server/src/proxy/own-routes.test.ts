import { describe, expect, it } from 'vitest';
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
