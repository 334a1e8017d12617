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

/** The plain-words message an API error carries (for a refused body it already names each field). */
export function problemText(data: unknown, fallback: string): string {
  const message =
    typeof data === 'object' && data !== null ? (data as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : fallback;
}
