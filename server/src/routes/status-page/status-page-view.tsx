import { FAVICON_DATA_URL } from '../../../../contract/favicon.ts';
import { LANGUAGE_NAMES, PAGE_LANGUAGES } from '../../../../contract/page-languages.ts';
import type { BarCell, BaseStatus, StatusMessage } from '../../../../contract/status.ts';
import type { StatusPageModel } from './status-page-model.ts';
import { pageLanguage, STATUS_PAGE_TEXTS, type StatusPageTexts } from './status-page-texts.ts';

export interface StatusPageLinks {
  /** Where the status page lives, e.g. `/status`. */
  statusPath: string;
  feedPath: string;
}

const DEFAULT_LINKS: StatusPageLinks = { statusPath: '/status', feedPath: '/feed.atom' };

function pagePath(links: StatusPageLinks, baseKey: string | undefined): string {
  return baseKey === undefined ? links.statusPath : `${links.statusPath}/${encodeURIComponent(baseKey)}`;
}

/** A time as the service's zone shows it; the page's script may add the reader's own clock after it. */
function ServiceTime(props: { iso: string; local: string; zone: string; texts: StatusPageTexts }) {
  return (
    <time datetime={props.iso} data-zone={props.zone} data-your-time={props.texts.yourTime}>
      {props.local}
    </time>
  );
}

function ActiveMessage(props: { message: StatusMessage; texts: StatusPageTexts; zone: string }) {
  const { message, texts, zone } = props;
  return (
    <div class={`message state-${message.severity}`}>
      <p>{message.userMessage}</p>
      <p class="when">
        {texts.until}{' '}
        <ServiceTime iso={message.displayUntil} local={message.displayUntilLocal} zone={zone} texts={texts} />
      </p>
    </div>
  );
}

function uptimeText(value: number | undefined, language: string): string {
  return value === undefined ? '—' : `${value.toLocaleString(language, { maximumFractionDigits: 1 })} %`;
}

/** One availability bar: plain blocks with a text for each, readable without JavaScript or colour. */
function Bar(props: { cells: BarCell[]; label: string; texts: StatusPageTexts; language: string }) {
  const { cells, texts } = props;
  return (
    <>
      <p class="bar-label">{props.label}</p>
      <div
        class="bar"
        role="img"
        aria-label={`${props.label}: ${cells.map((c) => texts.cell[c.state]).join(', ')}`}
      >
        {cells.map((cell) => (
          <span
            class={`cell-${cell.state}`}
            title={`${cell.start.slice(0, 16).replace('T', ' ')} — ${texts.cell[cell.state]}${cell.uptime === undefined ? '' : ` (${uptimeText(cell.uptime, props.language)})`}`}
          />
        ))}
      </div>
    </>
  );
}

function Checks(props: { base: BaseStatus; texts: StatusPageTexts; language: string }) {
  const { base, texts, language } = props;
  if (!base.monitors || !base.bars) return null;
  return (
    <>
      <h3>{texts.checks}</h3>
      <ul class="checks">
        {base.monitors.map((monitor) => (
          <li>
            {monitor.name}:{' '}
            <strong
              class={monitor.state === 'down' ? 'state-outage' : monitor.state === 'up' ? 'state-ok' : ''}
            >
              {texts.monitorState[monitor.state]}
            </strong>{' '}
            <span class="uptime">
              ({texts.uptime(uptimeText(monitor.uptime24h, language), uptimeText(monitor.uptime7d, language))}
              )
            </span>
          </li>
        ))}
      </ul>
      <Bar cells={base.bars.day} label={texts.lastDay} texts={texts} language={language} />
      <Bar cells={base.bars.week} label={texts.lastWeek} texts={texts} language={language} />
    </>
  );
}

/**
 * Upcoming messages with the occurrences of one recurring window folded into its first: a nightly
 * window is one entry with its next dates, not seven repeated texts.
 */
function groupRecurring(
  upcoming: readonly StatusMessage[],
): { message: StatusMessage; later: StatusMessage[] }[] {
  const groups: { message: StatusMessage; later: StatusMessage[] }[] = [];
  const byText = new Map<string, { message: StatusMessage; later: StatusMessage[] }>();
  for (const message of upcoming) {
    const key = `${message.severity}\n${message.userMessage}`;
    const group = message.recurring ? byText.get(key) : undefined;
    if (group) {
      group.later.push(message);
      continue;
    }
    const fresh = { message, later: [] };
    groups.push(fresh);
    if (message.recurring) byText.set(key, fresh);
  }
  return groups;
}

function BaseCard(props: {
  base: BaseStatus;
  texts: StatusPageTexts;
  links: StatusPageLinks;
  linked: boolean;
  language: string;
  zone: string;
}) {
  const { base, texts } = props;
  return (
    <section class="base" aria-labelledby={`base-${base.key}`}>
      <h2 id={`base-${base.key}`}>
        {props.linked ? (
          <a href={`${pagePath(props.links, base.key)}?lang=${props.language}`}>{base.name}</a>
        ) : (
          <span>{base.name}</span>
        )}
        <span class={`badge state-${base.state}`}>{texts.state[base.state]}</span>
      </h2>
      {base.active.length > 0 && <h3>{texts.now}</h3>}
      {base.active.map((message) => (
        <ActiveMessage message={message} texts={texts} zone={props.zone} />
      ))}
      {base.upcoming.length > 0 && <h3>{texts.upcoming}</h3>}
      {groupRecurring(base.upcoming).map(({ message, later }) => (
        <div class={`message state-${message.severity}`}>
          <p class="when">
            {texts.from}{' '}
            <ServiceTime
              iso={message.startsAt}
              local={message.startsAtLocal}
              zone={props.zone}
              texts={texts}
            />{' '}
            {texts.to}{' '}
            <ServiceTime
              iso={message.displayUntil}
              local={message.displayUntilLocal}
              zone={props.zone}
              texts={texts}
            />
            {message.recurring && <span class="recurring"> · {texts.recurring}</span>}
          </p>
          <p>{message.userMessage}</p>
          {later.length > 0 && (
            <p class="when">
              {texts.alsoAt}: {later.map((m) => m.startsAtLocal).join('; ')}
            </p>
          )}
        </div>
      ))}
      <Checks base={base} texts={texts} language={props.language} />
      {(base.helpText || base.helpURL) && (
        <p class="help">
          {base.helpText}
          {base.helpText && base.helpURL && ' '}
          {base.helpURL && <a href={base.helpURL}>{texts.needHelp}</a>}
        </p>
      )}
    </section>
  );
}

/** What the status page carries inline: its script (reader-time-script.ts) and its style sheet. */
export interface StatusPageInline {
  script: string;
  style: string;
}

function StatusPage(props: { model: StatusPageModel; inline: StatusPageInline; links: StatusPageLinks }) {
  const { model, links } = props;
  const language = pageLanguage(model.language);
  const texts = STATUS_PAGE_TEXTS[language];
  const attention = model.bases.some((base) => base.state !== 'ok');
  const here = pagePath(links, model.baseKey);
  return (
    <html lang={model.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>
          {model.baseKey && model.bases[0] ? `${model.bases[0].name} — ${texts.title}` : texts.title}
        </title>
        <link rel="icon" href={FAVICON_DATA_URL} />
        <link rel="alternate" type="application/atom+xml" title={texts.feed} href={links.feedPath} />
        <style dangerouslySetInnerHTML={{ __html: props.inline.style }} />
      </head>
      <body>
        <header>
          <h1>{texts.title}</h1>
          <nav aria-label={texts.language}>
            {PAGE_LANGUAGES.map((tag) =>
              tag === language ? (
                <span aria-current="true" lang={tag}>
                  {LANGUAGE_NAMES[tag]}
                </span>
              ) : (
                <a href={`${here}?lang=${tag}`} lang={tag} hreflang={tag}>
                  {LANGUAGE_NAMES[tag]}
                </a>
              ),
            )}
          </nav>
        </header>
        <main>
          <p class={attention ? 'summary attention' : 'summary'} role="status">
            {attention ? texts.someDown : texts.allGood}
          </p>
          {model.bases.map((base) => (
            <BaseCard
              base={base}
              texts={texts}
              links={links}
              language={language}
              zone={model.timeZone}
              linked={model.baseKey === undefined && base.key !== '*'}
            />
          ))}
          <h2>{texts.past}</h2>
          {model.past.length === 0 ? (
            <p>{texts.noPast}</p>
          ) : (
            <ul class="past">
              {model.past.map((message) => (
                <li>
                  <p class="when">
                    <span class={`badge state-${message.severity}`}>{texts.state[message.severity]}</span>{' '}
                    {texts.from} {message.startsAtLocal} {texts.to} {message.displayUntilLocal}
                    {message.baseNames.length > 0 && ` · ${message.baseNames.join(', ')}`}
                  </p>
                  <p>{message.userMessage}</p>
                </li>
              ))}
            </ul>
          )}
          {(model.older !== undefined || model.paged) && (
            <p class="pages">
              {model.paged && <a href={`${here}?lang=${language}`}>{texts.newest}</a>}
              {model.paged && model.older !== undefined && ' · '}
              {model.older !== undefined && (
                <a href={`${here}?lang=${language}&before=${encodeURIComponent(model.older)}`} rel="next">
                  {texts.older}
                </a>
              )}
            </p>
          )}
        </main>
        <footer>
          <p>
            {texts.updated}: {model.generatedAtLocal}. {texts.timesIn} {model.timeZone} ({model.zoneLabel}).
          </p>
          <p>
            {model.baseKey !== undefined && (
              <>
                <a href={`${links.statusPath}?lang=${language}`}>{texts.allBasesLink}</a>
                {' · '}
              </>
            )}
            <a href={`${links.feedPath}?lang=${language}`}>{texts.feed}</a>
          </p>
        </footer>
        <script dangerouslySetInnerHTML={{ __html: props.inline.script }} />
      </body>
    </html>
  );
}

/**
 * The whole status page as an HTML string, with its script and style sheet inline; every text from
 * data is escaped by hono/jsx.
 */
export function renderStatusPage(
  model: StatusPageModel,
  inline: StatusPageInline,
  links: StatusPageLinks = DEFAULT_LINKS,
): string {
  return `<!doctype html>${(<StatusPage model={model} inline={inline} links={links} />).toString()}`;
}

/** A short page for a base key that cannot exist (bad characters); the status page itself never 404s. */
export function renderStatusNotFound(
  language: string,
  style: string,
  links: StatusPageLinks = DEFAULT_LINKS,
): string {
  const texts = STATUS_PAGE_TEXTS[pageLanguage(language)];
  const page = (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{texts.notFoundTitle}</title>
        <link rel="icon" href={FAVICON_DATA_URL} />
        <style dangerouslySetInnerHTML={{ __html: style }} />
      </head>
      <body>
        <main>
          <h1>{texts.notFoundTitle}</h1>
          <p>
            {texts.notFoundText} <a href={links.statusPath}>{texts.allBasesLink}</a>
          </p>
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${page.toString()}`;
}
