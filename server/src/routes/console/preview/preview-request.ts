import { BaseKey } from '../../../../../contract/base-key.ts';
import { HelpURL } from '../../../../../contract/help-url.ts';
import { isoInZone } from '../../../../../contract/local-time.ts';
import { type Message, Severity } from '../../../../../contract/message.ts';
import * as z from '../../../../../contract/zod.ts';
import { ALL_BASES } from '../../../domain/active-message.ts';

const Texts = z.catch(z.record(z.string().check(z.maxLength(35)), z.string().check(z.maxLength(10_000))), {});

/**
 * A preview asks "what would users see if I saved this now?" while the administrator is still
 * typing, so the draft is read leniently: half-typed times or URLs are previewed as if left out.
 */
export const PreviewRequest = z.object({
  draft: z.object({
    /** Set when editing: the stored version is left out of the status page preview. */
    id: z.optional(z.string().check(z.maxLength(200))),
    text: Texts,
    helpText: z.optional(Texts),
    helpURL: z.optional(z.string().check(z.maxLength(2000))),
    bases: z.catch(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(500)), [ALL_BASES]),
    startsAt: z.optional(z.string().check(z.maxLength(100))),
    displayUntil: z.optional(z.string().check(z.maxLength(100))),
    severity: z.catch(Severity, 'maintenance'),
  }),
  baseKey: z._default(z.string().check(z.maxLength(100)), ALL_BASES),
  language: z._default(z.string().check(z.maxLength(35)), 'ru'),
});
export type PreviewRequest = z.infer<typeof PreviewRequest>;

const HOUR_MS = 60 * 60 * 1000;

function filled(texts: Record<string, string> | undefined): Record<string, string> | undefined {
  const entries = Object.entries(texts ?? {}).filter(([, text]) => text.trim() !== '');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function instant(iso: string | undefined): number | undefined {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/** The draft as a stored message would look, or `undefined` while it has no text yet. */
export function draftToMessage(
  draft: PreviewRequest['draft'],
  now: number,
  timeZone: string,
): Message | undefined {
  const text = filled(draft.text);
  if (!text) return undefined;
  const startsAt = instant(draft.startsAt) ?? now;
  const until = instant(draft.displayUntil);
  const displayUntil = until !== undefined && until > startsAt ? until : startsAt + HOUR_MS;
  const bases = draft.bases.filter((key) => BaseKey.safeParse(key).success);
  const helpText = filled(draft.helpText);
  const helpURL = HelpURL.safeParse(draft.helpURL?.trim());
  const stamp = isoInZone(now, timeZone);
  return {
    id: draft.id ?? 'preview',
    text,
    ...(helpText && { helpText }),
    ...(helpURL.success && { helpURL: helpURL.data }),
    bases: draft.bases.includes(ALL_BASES) || bases.length === 0 ? [ALL_BASES] : bases,
    startsAt: isoInZone(startsAt, timeZone),
    displayUntil: isoInZone(displayUntil, timeZone),
    severity: draft.severity,
    createdAt: stamp,
    updatedAt: stamp,
    createdBy: 'preview',
    version: 0,
  };
}
