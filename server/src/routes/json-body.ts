import type { ValidationTargets } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validator } from 'hono/validator';
import { fieldProblems, problemsSummary } from '../../../contract/issue-words.ts';
import type { PageLanguage } from '../../../contract/page-languages.ts';
import type { FieldProblem } from '../../../contract/problem.ts';
import type * as z from '../../../contract/zod.ts';
import { adminLanguage } from './admin-language.ts';
import { apiError } from './api-error.ts';

const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

/**
 * A JSON body checked against `schema`; read it with `c.req.valid('json')`. A body that is not JSON
 * or does not fit gets a 400 listing every field problem in plain words (unknown fields included), in
 * the caller's language.
 */
export function jsonBody<T extends z.ZodMiniType>(schema: T) {
  return validator('json', (value: ValidationTargets['json'], c): z.output<T> => {
    const media = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!JSON_MEDIA.test(media)) {
      throw apiError(415, {
        error: 'unsupported-media-type',
        message: 'Send the body as JSON with the header "Content-Type: application/json".',
      });
    }
    const parsed = schema.safeParse(value, { reportInput: true });
    if (!parsed.success) {
      const language = adminLanguage(c);
      throw validationError(fieldProblems(parsed.error.issues, language), language);
    }
    return parsed.data;
  });
}

/** The 400 for field problems, whether a schema or a rule spanning fields found them. */
export function validationError(problems: FieldProblem[], language = 'en') {
  return apiError(400, { error: 'validation', message: problemsSummary(problems, language), problems });
}

export const ADMIN_BODY_LIMIT = 256 * 1024;

const TOO_LARGE: Record<PageLanguage, string> = {
  en: `The request body is larger than ${ADMIN_BODY_LIMIT / 1024} KB; admin requests are small JSON documents.`,
  ru: `Тело запроса больше ${ADMIN_BODY_LIMIT / 1024} КБ; запросы к API администратора — небольшие документы JSON.`,
  lv: `Pieprasījuma saturs ir lielāks par ${ADMIN_BODY_LIMIT / 1024} KB; administratora pieprasījumi ir nelieli JSON dokumenti.`,
};

/** Admin bodies are small JSON documents; a huge one is a mistake or an attack, refused before parsing. */
export const adminBodyLimit = bodyLimit({
  maxSize: ADMIN_BODY_LIMIT,
  onError: (c) => {
    throw apiError(413, { error: 'too-large', message: TOO_LARGE[adminLanguage(c)] });
  },
});
