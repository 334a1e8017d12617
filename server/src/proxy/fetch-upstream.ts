/** What asking the origin came to: its response (any status), or why there was none. */
export type UpstreamResult = { response: Response } | { failed: 'refused' | 'timeout' };

/**
 * Sends `init` to the origin and waits at most `timeoutMs` for the response headers; the body that
 * follows is not timed (a long download is not cut). A browser that gives up (`clientSignal`) stops
 * the origin request too, so the 1C server does not keep working for nobody.
 */
export async function fetchUpstream(
  target: string,
  init: RequestInit,
  timeoutMs: number,
  clientSignal: AbortSignal,
): Promise<UpstreamResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`no response headers from ${new URL(target).origin} within ${timeoutMs} ms`));
  }, timeoutMs);
  const stopWithClient = () => controller.abort(clientSignal.reason);
  clientSignal.addEventListener('abort', stopWithClient, { once: true });
  try {
    // `duplex: 'half'` streams a request body instead of buffering it (fetch requires it for a stream).
    const response = await fetch(target, {
      ...init,
      signal: controller.signal,
      duplex: 'half',
    } as RequestInit);
    return { response };
  } catch {
    clientSignal.removeEventListener('abort', stopWithClient);
    return { failed: timedOut ? 'timeout' : 'refused' };
  } finally {
    clearTimeout(timer);
  }
}
