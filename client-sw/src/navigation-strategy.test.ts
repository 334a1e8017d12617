import { describe, expect, it } from 'vitest';
import type { StrategyHandler } from 'workbox-strategies';
import type { NavigationFailure } from './navigation-strategy.ts';

// Workbox reads `self` when it loads; in a service worker that is the global scope.
(globalThis as { self?: unknown }).self ??= globalThis;
const { NavigationWithOfflinePage } = await import('./navigation-strategy.ts');

const POLICY = { networkTimeoutSeconds: 0.05, fallbackStatuses: [502, 503, 504] };

/** The strategy's policy, reachable without a service worker around it. */
class Probe extends NavigationWithOfflinePage {
  run(request: Request, handler: StrategyHandler): Promise<Response> {
    return this._handle(request, handler);
  }
}

/** Runs the strategy's policy with `fetch` standing in for the network, recording what the page got. */
async function navigate(
  fetch: () => Promise<Response>,
): Promise<{ response: Response; failure?: NavigationFailure }> {
  let failure: NavigationFailure | undefined;
  const strategy = new Probe(POLICY, async (_request, why) => {
    failure = why;
    return new Response('offline page', { status: 503 });
  });
  const handler = { fetch } as unknown as StrategyHandler;
  const response = await strategy.run(new Request('https://1c.example/buh/'), handler);
  return { response, ...(failure && { failure }) };
}

describe('NavigationWithOfflinePage', () => {
  it('passes the 1C page through, 4xx and redirects included', async () => {
    for (const status of [200, 302, 404, 500]) {
      const { response, failure } = await navigate(async () => new Response('page', { status }));
      expect(response.status, String(status)).toBe(status);
      expect(failure).toBeUndefined();
    }
  });

  it('shows the offline page for a refused connection, a hang past the timeout and a "down" status', async () => {
    expect((await navigate(() => Promise.reject(new TypeError('Failed to fetch')))).failure).toEqual({
      kind: 'refused',
    });
    expect((await navigate(() => new Promise<Response>(() => {}))).failure).toEqual({
      kind: 'timeout',
      timeoutSeconds: 0.05,
    });
    const down = await navigate(async () => new Response('bad gateway', { status: 502 }));
    expect(down.failure).toEqual({ kind: 'server-error', status: 502 });
    expect(await down.response.text()).toBe('offline page');
  });
});
