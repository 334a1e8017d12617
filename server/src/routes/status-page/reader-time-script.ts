// The status page's one script, inlined by hash (scripts/virtual-modules.mjs builds it): after each
// time in the service's zone it adds the reader's own clock, once, where the two differ — the same
// rule and words as the offline page ("16:19 по вашему времени"). Without JavaScript the page is
// complete; this only adds.
import { formatNear, zonesDiffer } from '../../../../contract/local-time.ts';

const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const language = document.documentElement.lang;
for (const time of document.querySelectorAll<HTMLTimeElement>('time[data-zone][data-your-time]')) {
  const at = Date.parse(time.dateTime);
  const zone = time.dataset.zone ?? '';
  if (Number.isNaN(at) || !readerZone || !zonesDiffer(at, zone, readerZone)) continue;
  const note = document.createElement('span');
  note.className = 'reader-time';
  const local = formatNear(at, readerZone, language, Date.now());
  note.textContent = ` (${(time.dataset.yourTime ?? '{time}').replace('{time}', local)})`;
  time.after(note);
}
