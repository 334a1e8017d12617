import { z } from 'zod';

/** The stored and served shape of `AuditEntry` (store.ts), for validation on load and for OpenAPI. */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['message.create', 'message.update', 'message.delete', 'settings.update']),
  target: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
