import * as z from './zod.ts';

/** The stored and served shape of `AuditEntry` (store.ts), for validation on load and for OpenAPI. */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['message.create', 'message.update', 'message.delete', 'settings.update']),
  target: z.string(),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
});
/** An audit entry as the admin API serves it. */
export type AuditEntryWire = z.infer<typeof AuditEntrySchema>;
