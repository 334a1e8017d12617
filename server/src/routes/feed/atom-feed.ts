import { formatZonedDateTime, isoInZone } from '../../../../contract/local-time.ts';
import type { Message } from '../../../../contract/message.ts';
import type { Settings } from '../../../../contract/settings.ts';
import { ALL_BASES } from '../../domain/active-message.ts';
import { renderMessageText } from '../../domain/startup-error-body.ts';
import { baseNameOf, PAST_WINDOW_MS } from '../status-page/status-page-model.ts';
import { pageLanguage, STATUS_PAGE_TEXTS } from '../status-page/status-page-texts.ts';

export interface AtomFeedInput {
  settings: Settings;
  messages: readonly Message[];
  t: number;
  language: string;
  /** Absolute origin, e.g. `https://help.example`; Atom wants absolute links and ids. */
  origin: string;
  statusPath?: string;
  feedPath?: string;
}

// XML 1.0 forbids most control characters even when escaped; they carry no meaning in a message.
function isXmlChar(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
}

export function escapeXml(text: string): string {
  return [...text]
    .filter(isXmlChar)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * An Atom feed of the messages users see or saw: upcoming, active and those that ended in the last
 * 30 days, most recently changed first. Pure: data in, XML text out.
 */
export function renderAtomFeed(input: AtomFeedInput): string {
  const { settings, t, language, origin } = input;
  const statusPath = input.statusPath ?? '/status';
  const feedPath = input.feedPath ?? '/feed.atom';
  const texts = STATUS_PAGE_TEXTS[pageLanguage(language)];
  const messages = input.messages
    .filter((message) => Date.parse(message.displayUntil) > t - PAST_WINDOW_MS)
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  const updated = messages[0] ? isoInZone(Date.parse(messages[0].updatedAt), 'UTC') : isoInZone(t, 'UTC');

  const entries = messages.map((message) => {
    const zone = settings.timeZone;
    const bases: readonly string[] = message.bases;
    const forAll = bases.includes(ALL_BASES);
    const baseNames = forAll ? texts.allBasesLink : bases.map((key) => baseNameOf(settings, key)).join(', ');
    const from = formatZonedDateTime(Date.parse(message.startsAt), zone, language, t);
    const to = formatZonedDateTime(Date.parse(message.displayUntil), zone, language, t);
    const link = forAll || !bases[0] ? statusPath : `${statusPath}/${encodeURIComponent(bases[0])}`;
    const text = renderMessageText(message, settings, language)?.text ?? '';
    const title = `${texts.state[message.severity]} · ${baseNames}: ${texts.from} ${from} ${texts.to} ${to}`;
    return [
      '  <entry>',
      `    <id>${escapeXml(`${origin}${feedPath}#message-${message.id}`)}</id>`,
      `    <title>${escapeXml(title)}</title>`,
      `    <updated>${escapeXml(isoInZone(Date.parse(message.updatedAt), 'UTC'))}</updated>`,
      `    <published>${escapeXml(isoInZone(Date.parse(message.createdAt), 'UTC'))}</published>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(`${origin}${link}?lang=${language}`)}"/>`,
      `    <content type="text">${escapeXml(text)}</content>`,
      '  </entry>',
    ].join('\n');
  });

  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(language)}">`,
    `  <title>${escapeXml(texts.title)}</title>`,
    `  <id>${escapeXml(`${origin}${feedPath}`)}</id>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    '  <author><name>startup-help</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${origin}${feedPath}?lang=${language}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${origin}${statusPath}?lang=${language}`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
