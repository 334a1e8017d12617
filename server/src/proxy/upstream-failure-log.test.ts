import { describe, expect, it } from 'vitest';
import type { Logger } from '../domain/logger.ts';
import { createUpstreamFailureLog } from './upstream-failure-log.ts';

function recorder(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const keep = (message: string) => void lines.push(message);
  return { logger: { info: keep, warn: keep, error: keep }, lines };
}

describe('createUpstreamFailureLog', () => {
  it('says what failed, for which request, and what the visitor got', () => {
    const { logger, lines } = recorder();
    const log = createUpstreamFailureLog(logger, 'http://1c-web.local:8080', () => 0);
    log({ method: 'GET', path: '/buh/ru_RU/', failure: { kind: 'timeout', seconds: 10 }, answered: 504 });
    log({
      method: 'GET',
      path: '/zup/ru_RU/?n=1',
      failure: { kind: 'server-error', status: 503 },
      answered: 'friendly page',
    });
    expect(lines).toEqual([
      'proxy: the 1C web server at http://1c-web.local:8080 did not answer within 10 s for GET /buh/ru_RU/; the visitor got HTTP 504',
      'proxy: the 1C web server at http://1c-web.local:8080 answered 503 for GET /zup/ru_RU/; the visitor got the friendly page',
    ]);
  });

  it('writes one line a minute per kind of failure and counts the rest', () => {
    const { logger, lines } = recorder();
    let now = 0;
    const log = createUpstreamFailureLog(logger, 'http://1c-web.local', () => now);
    const refused = {
      method: 'GET',
      path: '/buh/',
      failure: { kind: 'refused' },
      answered: 'friendly page',
    } as const;
    for (let i = 0; i < 500; i++) log({ ...refused, detail: 'ECONNREFUSED' });
    now = 60_000;
    log(refused);
    expect(lines).toEqual([
      'proxy: the 1C web server at http://1c-web.local could not be reached (ECONNREFUSED) for GET /buh/; the visitor got the friendly page',
      'proxy: the 1C web server at http://1c-web.local could not be reached for GET /buh/; the visitor got the friendly page (499 more proxy failures since the last line)',
    ]);
  });
});
