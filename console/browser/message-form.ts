import { ALL_BASES } from '../../contract/active-message.ts';
import { isLanguageTag } from '../../contract/language-match.ts';
import type { Message, Severity } from '../../contract/message.ts';
import type { MessageTemplate } from '../../contract/message-template.ts';
import { PAGE_LANGUAGES } from '../../contract/page-languages.ts';
import { templateText } from '../../contract/template-text.ts';

/**
 * The message editor's state, without a DOM: what the form holds, and every change to it as a pure
 * function returning the next state. Times are instants (ISO with offset), so switching the clock
 * the console shows times on changes nothing but how they are shown.
 */
export interface MessageForm {
  /** Set while editing a stored message: its id and the ETag it was loaded with. */
  readonly editing?: { readonly id: string; readonly etag: string | undefined };
  readonly languages: readonly string[];
  /** Texts per language as typed (trimmed when sent). */
  readonly text: Readonly<Record<string, string>>;
  readonly help: Readonly<Record<string, string>>;
  readonly helpURL: string;
  /** `['*']` or base keys. */
  readonly bases: readonly string[];
  readonly severity: Severity;
  /** '' = now. */
  readonly startsAt: string;
  readonly displayUntil: string;
  /** The times as loaded: a time left as it was is not sent back, so its seconds are never cut off. */
  readonly loaded?: { readonly startsAt: string; readonly displayUntil: string };
}

/** The form as it stands, in the shape `POST /admin/preview` reads. */
export interface Draft {
  id?: string;
  text: Record<string, string>;
  helpText: Record<string, string>;
  helpURL: string;
  bases: string[];
  startsAt?: string;
  displayUntil?: string;
  severity: Severity;
}

export type FormProblem = 'needText' | 'needDeadline';

const QUARTER_HOUR = 15 * 60 * 1000;

/** Now + `minutes`, rounded up to the next quarter hour: deadlines people can read at a glance. */
export function roundedFromNow(minutes: number, now: number): string {
  return new Date(Math.ceil((now + minutes * 60_000) / QUARTER_HOUR) * QUARTER_HOUR).toISOString();
}

/** The non-empty texts, trimmed. */
export function filledTexts(texts: Readonly<Record<string, string>>): Record<string, string> {
  const filled: Record<string, string> = {};
  for (const [language, value] of Object.entries(texts)) if (value.trim()) filled[language] = value.trim();
  return filled;
}

/** A blank message: our three languages, all bases, maintenance, shown for an hour from now. */
export function emptyForm(now: number): MessageForm {
  return {
    languages: [...PAGE_LANGUAGES],
    text: {},
    help: {},
    helpURL: '',
    bases: [ALL_BASES],
    severity: 'maintenance',
    startsAt: '',
    displayUntil: roundedFromNow(60, now),
  };
}

/** A stored message, ready to edit. */
export function formFromMessage(message: Message, etag: string | undefined): MessageForm {
  const help = message.helpText ?? {};
  return {
    editing: { id: message.id, etag },
    languages: [...new Set([...PAGE_LANGUAGES, ...Object.keys(message.text), ...Object.keys(help)])],
    text: { ...message.text },
    help: { ...help },
    helpURL: message.helpURL ?? '',
    bases: [...message.bases],
    severity: message.severity,
    startsAt: message.startsAt,
    displayUntil: message.displayUntil,
    loaded: { startsAt: message.startsAt, displayUntil: message.displayUntil },
  };
}

/** A template's texts in its languages (with the phone, when given), its severity and duration. */
export function withTemplate(
  form: MessageForm,
  template: MessageTemplate,
  phone: string,
  now: number,
): MessageForm {
  const text = { ...form.text };
  for (const [language, parts] of Object.entries(template.text)) text[language] = templateText(parts, phone);
  return {
    ...form,
    languages: [...new Set([...form.languages, ...Object.keys(template.text)])],
    text,
    severity: template.severity,
    displayUntil: roundedFromNow(template.durationMinutes, now),
  };
}

/** Another language to write in; refused when `tag` is not a language tag. */
export function withLanguage(form: MessageForm, tag: string): MessageForm | undefined {
  const trimmed = tag.trim();
  if (!isLanguageTag(trimmed)) return undefined;
  return form.languages.includes(trimmed) ? form : { ...form, languages: [...form.languages, trimmed] };
}

export function withUntilFromNow(form: MessageForm, minutes: number, now: number): MessageForm {
  return { ...form, displayUntil: roundedFromNow(minutes, now) };
}

/** What keeps the form from being saved, checked before asking the API. */
export function checkForm(form: MessageForm): FormProblem | undefined {
  if (Object.keys(filledTexts(form.text)).length === 0) return 'needText';
  if (!form.displayUntil) return 'needDeadline';
  return undefined;
}

export function draftOf(form: MessageForm): Draft {
  return {
    ...(form.editing && { id: form.editing.id }),
    text: filledTexts(form.text),
    helpText: filledTexts(form.help),
    helpURL: form.helpURL.trim(),
    bases: [...form.bases],
    ...(form.startsAt && { startsAt: form.startsAt }),
    ...(form.displayUntil && { displayUntil: form.displayUntil }),
    severity: form.severity,
  };
}

/**
 * The body to send: all fields for a new message (POST); for a stored one (PATCH) the times only when
 * changed, and `null` to remove a help override that was emptied.
 */
export function payloadOf(form: MessageForm): Record<string, unknown> {
  const draft = draftOf(form);
  const patch = form.editing !== undefined;
  const changed = (field: 'startsAt' | 'displayUntil') => !patch || form[field] !== form.loaded?.[field];
  const hasHelp = Object.keys(draft.helpText).length > 0;
  return {
    text: draft.text,
    bases: draft.bases,
    severity: draft.severity,
    ...(draft.displayUntil && changed('displayUntil') && { displayUntil: draft.displayUntil }),
    ...(draft.startsAt && changed('startsAt') && { startsAt: draft.startsAt }),
    ...(hasHelp ? { helpText: draft.helpText } : patch ? { helpText: null } : {}),
    ...(draft.helpURL ? { helpURL: draft.helpURL } : patch ? { helpURL: null } : {}),
  };
}

/**
 * The bases the ticked boxes stand for: `['*']` when "all bases" is ticked or nothing is, else the
 * keys. After a click (`changed`), ticking "all bases" unticks the others and ticking a base unticks
 * "all bases", so what is ticked is what is sent.
 */
export function chosenBases(
  checked: readonly string[],
  changed?: { readonly value: string; readonly checked: boolean },
): string[] {
  const some = checked.filter((key) => key !== ALL_BASES);
  if (changed?.value === ALL_BASES && changed.checked) return [ALL_BASES];
  if (!changed && checked.includes(ALL_BASES)) return [ALL_BASES];
  return some.length > 0 ? some : [ALL_BASES];
}
