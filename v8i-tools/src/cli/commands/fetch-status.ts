import { fieldProblems, problemSentence } from '../../../../contract/issue-words.ts';
import { StatusResponse } from '../../../../contract/status.ts';
import type { CliIo } from '../io.ts';

export type StatusFetch = { ok: true; status: StatusResponse } | { ok: false; message: string; hint: string };

/** `GET <service>/api/status[?lang=]`, validated with the shared schema. The only network I/O of the CLI. */
export async function fetchStatus(
  io: CliIo,
  serviceUrl: string,
  lang: string | undefined,
  timeoutMs: number,
): Promise<StatusFetch> {
  const url = new URL(`${serviceUrl.replace(/\/+$/, '')}/api/status`);
  if (lang) url.searchParams.set('lang', lang);
  let response: Response;
  try {
    response = await io.fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const inner = (error as { cause?: { code?: string; message?: string } }).cause;
    const cause =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : (inner?.code ?? inner?.message ?? (error as Error).message);
    return {
      ok: false,
      message: `cannot reach the service at ${url.origin} (${cause})`,
      hint: `check the address and that the service runs: open ${url.href} in a browser or curl it`,
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      message: `${url.href} answered HTTP ${response.status}`,
      hint: 'give the address of the startup-help service itself (the one that serves /api/status), without a path',
    };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return {
      ok: false,
      message: `${url.href} did not answer with JSON, so it is not a startup-help service`,
      hint: 'check --from: it must be the service address, e.g. https://help.example.local',
    };
  }
  const parsed = StatusResponse.safeParse(body, { reportInput: true });
  if (!parsed.success) {
    const [first] = fieldProblems(parsed.error.issues, 'en', 'the answer');
    return {
      ok: false,
      message: `${url.href} answered JSON that is not a startup-help status (${first ? problemSentence(first) : 'no details'})`,
      hint: 'check --from points at the startup-help service, and that the service and this v8i are the same version',
    };
  }
  return { ok: true, status: parsed.data };
}
