export interface ApiAnswer {
  status: number;
  etag: string | undefined;
  /** The parsed JSON body, or undefined when there is none. */
  data: unknown;
}

export interface AdminApi {
  call(
    method: string,
    path: string,
    options?: { body?: unknown; ifMatch?: string | undefined },
  ): Promise<ApiAnswer>;
}

/** The admin API with the token in the Authorization header — never in a URL. */
export function createAdminApi(token: string): AdminApi {
  return {
    async call(method, path, options = {}) {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
      };
      if (options.body !== undefined) headers['Content-Type'] = 'application/json';
      if (options.ifMatch) headers['If-Match'] = options.ifMatch;
      const response = await fetch(path, {
        method,
        headers,
        cache: 'no-store',
        credentials: 'omit',
        ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      });
      const text = await response.text();
      let data: unknown;
      try {
        data = text ? JSON.parse(text) : undefined;
      } catch {
        data = { message: text.slice(0, 300) };
      }
      return { status: response.status, etag: response.headers.get('etag') ?? undefined, data };
    },
  };
}

/** The plain-words message an API error carries, with its field problems. */
export function problemText(data: unknown, fallback: string): string {
  if (typeof data !== 'object' || data === null) return fallback;
  const record = data as { message?: unknown; problems?: unknown };
  const message = typeof record.message === 'string' ? record.message : fallback;
  return message;
}
