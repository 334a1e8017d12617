import * as z from './zod.ts';

/** One startup-error request as received (`GET /api/admin/requests`): what the 1C platform sends. */
export const CapturedRequest = z.object({
  at: z.string(),
  method: z.string(),
  path: z.string(),
  /** The query string without `?`. */
  query: z.string(),
  /** By name, as Web `Headers` lists them; `Authorization`, `Cookie` and the like are never kept. */
  headers: z.array(z.tuple([z.string(), z.string()])),
  clientAddress: z.optional(z.string()),
  bodyBytes: z.int().check(z.nonnegative()),
  /** The first 4 KB of the body. */
  body: z.optional(z.string()),
  bodyEncoding: z.optional(z.enum(['utf-8', 'base64'])),
});
export type CapturedRequest = z.infer<typeof CapturedRequest>;

/** A POSTed login-error report as kept (last 1,000) and forwarded to `REPORT_WEBHOOK_URL`. */
export const LoginErrorReport = z.extend(CapturedRequest, {
  /** The base the client asked about; `*` for `/startup-error`. */
  baseKey: z.string(),
});
export type LoginErrorReport = z.infer<typeof LoginErrorReport>;

/** `GET /api/admin/reports`. */
export const ReportsResponse = z.object({
  total: z.int().check(z.nonnegative()),
  /** Counts per base and per hour (UTC hour start), newest hour first. */
  perHour: z.array(z.object({ hour: z.string(), baseKey: z.string(), count: z.int() })),
  perBase: z.record(z.string(), z.int()),
  /** Newest first, at most 1,000. */
  recent: z.array(LoginErrorReport),
});
export type ReportsResponse = z.infer<typeof ReportsResponse>;
