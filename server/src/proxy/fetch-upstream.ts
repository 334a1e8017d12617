/** What asking the origin came to: its response (any status), or why there was none. */
export type UpstreamResult =
  | { response: Response }
  /** `detail`: the system's word for it (`ECONNREFUSED`), when the runtime tells. */
  | { failed: 'refused' | 'timeout'; detail?: string | undefined };

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
  } catch (error) {
    clientSignal.removeEventListener('abort', stopWithClient);
    return { failed: timedOut ? 'timeout' : 'refused', detail: errorCode(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Node's fetch puts the socket's error code in `cause`; Workers give only a message. */
function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}
