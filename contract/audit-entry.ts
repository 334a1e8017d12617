import * as z from './zod.ts';

/** The stored and served shape of `AuditEntry` (store.ts), for validation on load and for OpenAPI. */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.enum([
    'message.create',
    'message.update',
    'message.delete',
    'settings.update',
    'monitor.create',
    'monitor.update',
    'monitor.delete',
    'schedule.create',
    'schedule.update',
    'schedule.exception',
    'schedule.delete',
    'channel.create',
    'channel.update',
    'channel.delete',
  ]),
  target: z.string(),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
});
/** An audit entry as the admin API serves it. */
export type AuditEntryWire = z.infer<typeof AuditEntrySchema>;
export type AuditAction = AuditEntryWire['action'];
