import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../../contract/problem.ts';
import type { Logger } from '../domain/logger.ts';
import { storeProblemWords } from '../domain/store-problem-words.ts';
import { BadCursorError, DuplicateIdError, StoreUnavailableError } from '../store/store.ts';
import { adminLanguage } from './admin-language.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

/** An error answer with a JSON body (`ApiError`); throw it from any route. */
export function apiError(status: ContentfulStatusCode, body: ApiError, headers: Record<string, string> = {}) {
  const res = new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers },
  });
  return new HTTPException(status, { res, message: body.message });
}

const WORDS: Partial<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthorized',
  404: 'not-found',
  405: 'method-not-allowed',
  412: 'conflict',
  413: 'too-large',
  415: 'unsupported-media-type',
  428: 'precondition-required',
  429: 'too-many-requests',
  503: 'unavailable',
};

/**
 * The one error handler. Known failures keep their status; a broken store is a 503 with the
 * store's own explanation; anything else is logged and answered without internals.
 */
export function onError(logger: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof HTTPException) {
      if (error.res) return error.getResponse();
      const status = error.status;
      const message =
        error.message === 'Malformed JSON in request body'
          ? 'The body is not valid JSON: check the quotes, commas and brackets.'
          : error.message || 'The request failed.';
      return c.json({ error: WORDS[status] ?? 'error', message } satisfies ApiError, status, {
        'cache-control': 'no-store',
      });
    }
    if (error instanceof BadCursorError) {
      return c.json({ error: 'bad-request', message: error.message } satisfies ApiError, 400, {
        'cache-control': 'no-store',
      });
    }
    if (error instanceof DuplicateIdError) {
      return c.json(
        { error: 'conflict', message: `${error.message} Nothing was changed.` } satisfies ApiError,
        409,
        {
          'cache-control': 'no-store',
        },
      );
    }
    if (error instanceof StoreUnavailableError) {
      logger.error('storage unavailable', { problem: error.message, path: c.req.path });
      const message = error.problem ? storeProblemWords(error.problem, adminLanguage(c)) : error.message;
      return c.json({ error: 'unavailable', message } satisfies ApiError, 503, {
        'retry-after': '5',
        'cache-control': 'no-store',
      });
    }
    logger.error('unexpected error', {
      problem: error.stack ?? error.message,
      method: c.req.method,
      path: c.req.path,
    });
    return c.json(
      {
        error: 'internal',
        message: 'Something went wrong on the server; it has been logged. Please try again.',
      } satisfies ApiError,
      500,
    );
  };
}
