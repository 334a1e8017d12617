import { HelpURL } from './help-url.ts';
import { IsoDateTimeWithOffset } from './iso-time.ts';
import { Severity } from './message.ts';
import { MonitorHealth } from './monitor.ts';
import * as z from './zod.ts';

/** One message as the public sees it: texts already chosen for the response language. */
export const StatusMessage = z.object({
  id: z.string(),
  severity: Severity,
  userMessage: z.string(),
  startsAt: IsoDateTimeWithOffset,
  displayUntil: IsoDateTimeWithOffset,
  /** Local wall-clock rendering of the deadline in the settings' zone and response language. */
  displayUntilLocal: z.string(),
  startsAtLocal: z.string(),
  /** An occurrence of a recurring maintenance window (nothing stored per occurrence). */
  recurring: z.optional(z.boolean()),
});
export type StatusMessage = z.infer<typeof StatusMessage>;

/** A monitor that watches a base, as the public sees it. */
export const StatusMonitor = z.object({
  name: z.string(),
  state: MonitorHealth,
  /** When the current state began. */
  since: z.optional(IsoDateTimeWithOffset),
  /** Share of successful probes, 0–100, over 24 hours and 7 days; absent without probes. */
  uptime24h: z.optional(z.number()),
  uptime7d: z.optional(z.number()),
});
export type StatusMonitor = z.infer<typeof StatusMonitor>;

/** One cell of an availability bar: all probes up, some failed, all failed, or none made. */
export const BarCell = z.object({
  start: IsoDateTimeWithOffset,
  state: z.enum(['up', 'partial', 'down', 'none']),
  /** Share of successful probes in the cell, 0–100; absent without probes. */
  uptime: z.optional(z.number()),
});
export type BarCell = z.infer<typeof BarCell>;

export const BaseStatus = z.object({
  /** `*` stands for "every base" (messages targeting all bases, default help). */
  key: z.string(),
  name: z.string(),
  state: z.enum(['ok', 'info', 'maintenance', 'outage']),
  helpText: z.optional(z.string()),
  helpURL: z.optional(HelpURL),
  active: z.array(StatusMessage),
  upcoming: z.array(StatusMessage),
  /** Monitors watching this base (its own and those for all bases). */
  monitors: z.optional(z.array(StatusMonitor)),
  /** Availability over the last 24 hours (hourly cells) and 7 days (six-hour cells), oldest first. */
  bars: z.optional(z.object({ day: z.array(BarCell), week: z.array(BarCell) })),
});
export type BaseStatus = z.infer<typeof BaseStatus>;

/** `GET /api/status`: public, CORS-open; `v8i sync` reads help text/URL per base from here. */
export const StatusResponse = z.object({
  generatedAt: IsoDateTimeWithOffset,
  language: z.string(),
  timeZone: z.string(),
  bases: z.array(BaseStatus),
});
export type StatusResponse = z.infer<typeof StatusResponse>;
