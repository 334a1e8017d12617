import { z } from 'zod';

/** One startup-error request as received (`GET /api/admin/requests`): what the 1C platform sends. */
export const CapturedRequest = z.object({
  at: z.string(),
  method: z.string(),
  path: z.string(),
  /** The query string without `?`. */
  query: z.string(),
  /** In arrival order; `Authorization`, `Cookie` and the like are never kept. */
  headers: z.array(z.tuple([z.string(), z.string()])),
  clientAddress: z.string().optional(),
  bodyBytes: z.number().int().nonnegative(),
  /** The first 4 KB of the body. */
  body: z.string().optional(),
  bodyEncoding: z.enum(['utf-8', 'base64']).optional(),
});
export type CapturedRequest = z.infer<typeof CapturedRequest>;

/** A POSTed login-error report as kept (last 1,000) and forwarded to `REPORT_WEBHOOK_URL`. */
export const LoginErrorReport = CapturedRequest.extend({
  /** The base the client asked about; `*` for `/startup-error`. */
  baseKey: z.string(),
});
export type LoginErrorReport = z.infer<typeof LoginErrorReport>;

/** `GET /api/admin/reports`. */
export const ReportsResponse = z.object({
  total: z.number().int().nonnegative(),
  /** Counts per base and per hour (UTC hour start), newest hour first. */
  perHour: z.array(z.object({ hour: z.string(), baseKey: z.string(), count: z.number().int() })),
  perBase: z.record(z.string(), z.number().int()),
  /** Newest first, at most 1,000. */
  recent: z.array(LoginErrorReport),
});
export type ReportsResponse = z.infer<typeof ReportsResponse>;
