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

/**
 * The admin API with the token in the Authorization header — never in a URL — and the console's
 * language in Accept-Language, so refusals and lint hints come back in it.
 */
export function createAdminApi(token: string, language: () => string): AdminApi {
  return {
    async call(method, path, options = {}) {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'Accept-Language': language(),
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

/**
 * Refusals whose words come from the service, in the console's language, and say what to do: field
 * problems, an unusable store, a body too large. Others get the console's own words.
 */
const SERVICE_WORDS = new Set([
  'validation',
  'unavailable',
  'too-large',
  'unsupported-media-type',
  'network',
]);

/** What to tell the administrator about a failed call. */
export function problemText(data: unknown, fallback: string): string {
  const { error, message } = (typeof data === 'object' && data !== null ? data : {}) as {
    error?: unknown;
    message?: unknown;
  };
  return typeof message === 'string' && typeof error === 'string' && SERVICE_WORDS.has(error)
    ? message
    : fallback;
}
