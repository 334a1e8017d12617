import { describe, expect, it } from 'vitest';
import { bodyExcerpt, bodyHead, CAPTURED_BODY_BYTES, captureRequest } from './request-capture.ts';

describe('captureRequest', () => {
  it('keeps method, path, query, headers without credentials, size and the head of the body', () => {
    const body = new TextEncoder().encode(`a${'я'.repeat(3000)}`);
    const captured = captureRequest({
      at: Date.parse('2026-11-23T09:00:00Z'),
      method: 'POST',
      url: 'http://svc.local/startup-error/buh?x=1&y=%D1%8F',
      headers: new Headers({
        Authorization: 'Bearer secret',
        Cookie: 'c=1',
        'Proxy-Authorization': 'x',
        'X-Real': 'kept',
      }),
      body: bodyHead(body),
      bodyBytes: body.length,
      clientAddress: '10.0.0.5',
    });
    expect(captured).toMatchObject({
      at: '2026-11-23T09:00:00.000Z',
      method: 'POST',
      path: '/startup-error/buh',
      query: 'x=1&y=%D1%8F',
      headers: [['x-real', 'kept']],
      clientAddress: '10.0.0.5',
      bodyBytes: 6001,
      bodyEncoding: 'utf-8',
    });
    // 4 KB cuts the 2048th "я" in half: the text ends before it instead of turning into base64.
    expect(captured.body).toBe(`a${'я'.repeat((CAPTURED_BODY_BYTES - 2) / 2)}`);
  });

  it('shows a body that is not UTF-8 as base64', () => {
    expect(bodyExcerpt(new Uint8Array([0xc3, 0x28, 0x00]))).toEqual({ body: 'wygA', bodyEncoding: 'base64' });
  });
});
