import { IsoDateTimeWithOffset } from './iso-time.ts';
import { LocalizedText } from './language-tag.ts';
import { MessageBases } from './message.ts';
import * as z from './zod.ts';

export const MonitorKind = z.enum(['http', 'tcp']);
export type MonitorKind = z.infer<typeof MonitorKind>;

export const MIN_INTERVAL_SECONDS = 10;

const MonitorName = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
const Count = z.int().check(z.gte(1), z.lte(100));

/**
 * What an administrator writes (POST; PATCH takes any subset). `target` is a URL for `http` and
 * `host:port` for `tcp`; the pairing and `timeoutSeconds` < `intervalSeconds` are checked by the
 * server, which names the field that is wrong.
 */
export const MonitorFields = z.strictObject({
  name: MonitorName,
  kind: MonitorKind,
  target: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  intervalSeconds: z.optional(z.int().check(z.gte(MIN_INTERVAL_SECONDS), z.lte(24 * 60 * 60))),
  timeoutSeconds: z.optional(z.int().check(z.gte(1), z.lte(120))),
  failuresToDown: z.optional(Count),
  successesToUp: z.optional(Count),
  bases: MessageBases,
  /** The outage message per language; `{since}` is the first failed probe. Absent = the built-in text. */
  text: z.optional(LocalizedText),
  severity: z.optional(z.literal('outage')),
  enabled: z.optional(z.boolean()),
});
export type MonitorFields = z.infer<typeof MonitorFields>;

/** PATCH body: any subset; `text: null` goes back to the built-in text. */
export const MonitorPatch = z.strictObject({
  name: z.optional(MonitorName),
  kind: z.optional(MonitorKind),
  target: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000))),
  intervalSeconds: z.optional(z.int().check(z.gte(MIN_INTERVAL_SECONDS), z.lte(24 * 60 * 60))),
  timeoutSeconds: z.optional(z.int().check(z.gte(1), z.lte(120))),
  failuresToDown: z.optional(Count),
  successesToUp: z.optional(Count),
  bases: z.optional(MessageBases),
  text: z.optional(z.nullable(LocalizedText)),
  enabled: z.optional(z.boolean()),
});
export type MonitorPatch = z.infer<typeof MonitorPatch>;

/** A monitor as stored and returned: every default filled in. */
export const Monitor = z.strictObject({
  id: z.string(),
  name: MonitorName,
  kind: MonitorKind,
  target: z.string(),
  intervalSeconds: z.int(),
  timeoutSeconds: z.int(),
  failuresToDown: z.int(),
  successesToUp: z.int(),
  bases: MessageBases,
  text: z.optional(LocalizedText),
  severity: z.literal('outage'),
  enabled: z.boolean(),
  createdAt: IsoDateTimeWithOffset,
  updatedAt: IsoDateTimeWithOffset,
  createdBy: z.string(),
  updatedBy: z.optional(z.string()),
  version: z.int().check(z.nonnegative()),
});
export type Monitor = z.infer<typeof Monitor>;

export const MonitorHealth = z.enum(['unknown', 'up', 'down']);
export type MonitorHealth = z.infer<typeof MonitorHealth>;

/** One probe as recorded. */
export const ProbeOutcome = z.object({
  at: IsoDateTimeWithOffset,
  ok: z.boolean(),
  /** How long the probe took, in milliseconds. */
  ms: z.int(),
  /** Why it failed, in plain words ("no answer within 5 s", "HTTP 503"). */
  problem: z.optional(z.string()),
});
export type ProbeOutcome = z.infer<typeof ProbeOutcome>;

/** What a monitor knows now (`GET /api/admin/monitors` carries it beside each monitor). */
export const MonitorStatus = z.object({
  state: MonitorHealth,
  /** When the current state began (for `down`: the first failed probe). */
  since: z.optional(IsoDateTimeWithOffset),
  lastProbe: z.optional(ProbeOutcome),
  /** The message the monitor posted for this outage, while it is the monitor's to end. */
  messageId: z.optional(z.string()),
  /** Down, but no message was posted: a maintenance message was showing for its bases. */
  suppressed: z.optional(z.boolean()),
  /** Share of successful probes, 0–100, or absent when there were none. */
  uptime24h: z.optional(z.number()),
  uptime7d: z.optional(z.number()),
});
export type MonitorStatus = z.infer<typeof MonitorStatus>;

export const MonitorWithStatus = z.extend(Monitor, { status: MonitorStatus });
export type MonitorWithStatus = z.infer<typeof MonitorWithStatus>;

/** One change of state in a monitor's history. */
export const MonitorTransition = z.object({
  at: IsoDateTimeWithOffset,
  state: MonitorHealth,
  problem: z.optional(z.string()),
});
export type MonitorTransition = z.infer<typeof MonitorTransition>;
