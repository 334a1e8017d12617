import { FAVICON_DATA_URL } from '../../../contract/favicon.ts';
import { serializeForScript } from '../../../contract/script-json.ts';
import { chooseLanguage } from '../language.ts';
import { selectShownStatus } from '../shown-status.ts';
import { buildOfflineView, type OfflinePageState } from './offline-view.ts';
import { STATE_ELEMENT_ID } from './state-json.ts';

export type { OfflinePageState } from './offline-view.ts';

/**
 * The page's one inline script and one inline style (built from page-script.ts and page-style.css)
 * with the CSP source expression (`'sha256-…'`) of exactly these bytes. The renderer takes them as
 * input: the kit's build and the Node server have them in their bundle, the Worker reads them from
 * its static assets (its bundle stays small).
 */
export interface OfflinePageAssets {
  readonly script: string;
  readonly style: string;
  readonly scriptHash: string;
  readonly styleHash: string;
}

/**
 * A strict Content-Security-Policy for the offline page (no 'unsafe-inline'): only our own inline
 * script and style run. With `statusURL`, fetches are limited to this origin and the status service.
 */
export function offlinePageCsp(
  assets: OfflinePageAssets,
  options: { readonly statusURL?: string | undefined } = {},
): string {
  const connect = options.statusURL ? `'self' ${new URL(options.statusURL).origin}` : `'self' http: https:`;
  return [
    `default-src 'none'`,
    `script-src ${assets.scriptHash}`,
    `style-src ${assets.styleHash}`,
    `connect-src ${connect}`,
    `img-src data:`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** For text and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 10.5v6.5M12 6.5v1.5" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/></svg>';

/**
 * The offline page as one self-contained HTML document (inline CSS and JS, no other requests than the
 * status service). Pure: no I/O, so the build, the service worker's server-side siblings on Node and
 * Cloudflare Workers all render the same page. Every admin-provided text is HTML-escaped here and
 * inserted with textContent by the page script; the state JSON cannot close its script block.
 * `timeZone` is the service's zone for a config that names none (proxy mode and the console's
 * previews pass the settings' zone); it travels in the page's state, so the script uses it too.
 */
export function renderOfflinePage(
  input: OfflinePageState,
  assets: OfflinePageAssets,
  options: { readonly now?: number; readonly timeZone?: string } = {},
): string {
  const now = options.now ?? Date.now();
  const zone = input.config.timeZone ?? options.timeZone;
  const state: OfflinePageState = zone ? { ...input, config: { ...input.config, timeZone: zone } } : input;
  const language = chooseLanguage(state.language ? [state.language] : [], state.config.defaultLanguage);
  const shown = state.initialStatus
    ? selectShownStatus(
        { live: { fetchedAt: new Date(now).toISOString(), response: state.initialStatus } },
        now,
      )
    : undefined;
  const view = buildOfflineView(state, shown, language, now);
  const e = escapeHtml;
  const hiddenUnless = (value: unknown) => (value ? '' : ' hidden');
  const details = view.details.map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`).join('');
  return `<!doctype html>
<html lang="${e(view.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${e(offlinePageCsp(assets))}">
<meta name="robots" content="noindex">
<link rel="icon" href="${e(FAVICON_DATA_URL)}">
<title>${e(view.title)}</title>
<style>${assets.style}</style>
</head>
<body>
<main aria-labelledby="sh-title">
<div class="head">${ICON}<div>
<h1 id="sh-title" tabindex="-1">${e(view.title)}</h1>
<div id="sh-alert" role="alert">
<p id="sh-lead">${e(view.lead)}</p>
<div id="sh-message" class="message"${hiddenUnless(view.userMessage)}>
<p id="sh-user-message">${e(view.userMessage ?? '')}</p>
<p id="sh-deadline" class="meta"${hiddenUnless(view.deadline)}>${e(view.deadline ?? '')}</p>
<p id="sh-deadline-local" class="meta"${hiddenUnless(view.deadlineLocal)}>${e(view.deadlineLocal ?? '')}</p>
<p id="sh-as-of" class="meta"${hiddenUnless(view.asOf)}>${e(view.asOf ?? '')}</p>
</div>
</div>
<p id="sh-help-text"${hiddenUnless(view.helpText)}>${e(view.helpText ?? '')}</p>
<p id="sh-help"${hiddenUnless(view.helpURL)}><a id="sh-help-link" href="${e(view.helpURL ?? '#')}" rel="noopener noreferrer">${e(view.needHelp)}</a></p>
<p id="sh-auto" class="muted">${e(view.autoReturn)}</p>
<div class="actions"><button id="sh-retry" type="button">${e(view.retryNow)}</button><span id="sh-countdown" class="muted"></span></div>
<details id="sh-details"><summary id="sh-details-summary">${e(view.showDetails)}</summary><dl id="sh-details-list">${details}</dl></details>
</div></div>
</main>
<script type="application/json" id="${STATE_ELEMENT_ID}">${serializeForScript(state)}</script>
<script>${assets.script}</script>
</body>
</html>
`;
}
