import * as z from './zod.ts';

/** One thing wrong with a request, in plain words, pointing at the field (`text.ru`, `bases.0`). */
export const FieldProblem = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof FieldProblem>;

/** Every non-2xx answer of the admin and status APIs. */
export const ApiError = z.object({
  /** Stable machine word: `validation`, `unauthorized`, `not-found`, `conflict`, … */
  error: z.string(),
  /** What went wrong and how to fix it, in plain words. */
  message: z.string(),
  problems: z.optional(z.array(FieldProblem)),
  /** On 412: who changed the resource last, and when (ISO-8601). */
  changedBy: z.optional(z.string()),
  changedAt: z.optional(z.string()),
  /** On 412: the resource as it is now, with its `etag`, so a client can show the difference. */
  current: z.optional(z.unknown()),
  etag: z.optional(z.string()),
});
export type ApiError = z.infer<typeof ApiError>;
