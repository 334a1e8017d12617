// The offline page's only script, inlined into the page as the build-time module
// `startup-help:offline-page-assets` (esbuild, IIFE, minified; its hash goes into the page's CSP).
import type { Failure } from '../failure.ts';
import { chooseLanguage } from '../language.ts';
import { retryDelaySeconds } from '../retry-schedule.ts';
import { readStatusAnswer, type StatusLookup, selectShownStatus } from '../shown-status.ts';
import { STATUS_REQUEST, STATUS_TIMEOUT_MS, type StatusRequest } from '../sw-messages.ts';
import { buildOfflineView, type OfflinePageState } from './offline-view.ts';
import { STATE_ELEMENT_ID } from './state-json.ts';
import { OFFLINE_TEXTS } from './texts.ts';

const WORKER_REPLY_TIMEOUT_MS = STATUS_TIMEOUT_MS + 1500;

const state = JSON.parse(document.getElementById(STATE_ELEMENT_ID)?.textContent ?? '{}') as OfflinePageState;
const { config } = state;
const language = chooseLanguage(
  state.language ? [state.language] : navigator.languages,
  config.defaultLanguage,
);
const texts = OFFLINE_TEXTS[language];
const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
// offline.html opened directly (no service worker injected a failure) returns to the publication root.
let failure: Failure = { ...state.failure, url: state.failure.url || new URL('./', location.href).href };
let lookup: StatusLookup = state.initialStatus
  ? { live: { fetchedAt: new Date().toISOString(), response: state.initialStatus } }
  : {};
let attempt = 0;
let dueAt = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let probing = false;

function element<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** Text only ever goes in as textContent; unchanged text is left alone so role="alert" stays quiet. */
function setText(id: string, text: string | undefined): void {
  const node = element(id);
  node.hidden = !text;
  if (node.textContent !== (text ?? '')) node.textContent = text ?? '';
}

function render(): void {
  const now = Date.now();
  const view = buildOfflineView(
    { ...state, failure },
    selectShownStatus(lookup, now),
    language,
    now,
    readerZone,
  );
  document.documentElement.lang = view.language;
  if (document.title !== view.title) document.title = view.title;
  setText('sh-title', view.title);
  setText('sh-lead', view.lead);
  element('sh-message').hidden = !view.userMessage;
  setText('sh-user-message', view.userMessage);
  setText('sh-deadline', view.deadline);
  setText('sh-deadline-local', view.deadlineLocal);
  setText('sh-as-of', view.asOf);
  setText('sh-help-text', view.helpText);
  const link = element<HTMLAnchorElement>('sh-help-link');
  element('sh-help').hidden = !view.helpURL;
  if (view.helpURL && link.href !== view.helpURL) link.href = view.helpURL;
  setText('sh-help-link', view.needHelp);
  setText('sh-auto', view.autoReturn);
  setText('sh-retry', view.retryNow);
  setText('sh-details-summary', view.showDetails);
  const list = element('sh-details-list');
  const rows = view.details.flat();
  if (list.textContent !== rows.join('')) {
    list.replaceChildren(
      ...view.details.flatMap(([label, value]) => {
        const term = document.createElement('dt');
        term.textContent = label;
        const description = document.createElement('dd');
        description.textContent = value;
        return [term, description];
      }),
    );
  }
}

/** The service worker fetches and validates the status and keeps the last answer; ask it first. */
function askServiceWorker(): Promise<StatusLookup | undefined> {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const giveUp = setTimeout(() => resolve(undefined), WORKER_REPLY_TIMEOUT_MS);
    channel.port1.onmessage = (event) => {
      clearTimeout(giveUp);
      resolve(event.data as StatusLookup);
    };
    const request: StatusRequest = { type: STATUS_REQUEST, language };
    worker.postMessage(request, [channel.port2]);
  });
}

/** Without a service worker (a server rendered this page) fetch the status directly. */
async function fetchStatus(): Promise<StatusLookup | undefined> {
  if (!config.statusURL) return undefined;
  try {
    const url = new URL(config.statusURL);
    url.searchParams.set('lang', language);
    const response = await fetch(url, {
      mode: 'cors',
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(STATUS_TIMEOUT_MS),
    });
    const picked = response.ok
      ? readStatusAnswer(await response.json(), config.timeZone ?? readerZone)
      : undefined;
    return picked ? { live: { fetchedAt: new Date().toISOString(), response: picked } } : undefined;
  } catch {
    return undefined;
  }
}

async function refreshStatus(): Promise<void> {
  const found = (await askServiceWorker()) ?? (await fetchStatus());
  if (found && (found.live || found.lastKnown)) lookup = found;
  // Where the last answer came from, for support staff in DevTools (and for the browser tests).
  document.body.dataset.status = found?.live ? 'live' : found?.lastKnown ? 'last-known' : 'unknown';
  render();
}

function tick(): void {
  const left = Math.max(0, Math.ceil((dueAt - Date.now()) / 1000));
  if (left === 0) {
    void probe();
    return;
  }
  setText('sh-countdown', texts.nextAttempt(left));
  render();
  timer = setTimeout(tick, Math.min(1000, dueAt - Date.now() - (left - 1) * 1000));
}

function schedule(): void {
  dueAt = Date.now() + retryDelaySeconds(attempt, config) * 1000;
  tick();
}

/** Is the 1C server answering again? Anything but a network error or a fallback status means yes. */
async function probe(): Promise<void> {
  if (probing) return;
  probing = true;
  clearTimeout(timer);
  setText('sh-countdown', texts.checking);
  try {
    const response = await fetch(failure.url, {
      cache: 'no-store',
      credentials: 'same-origin',
      redirect: 'manual',
      signal: AbortSignal.timeout(config.networkTimeoutSeconds * 1000),
    });
    if (response.type === 'opaqueredirect' || !config.fallbackStatuses.includes(response.status)) {
      location.replace(failure.url);
      return;
    }
    failure = { ...failure, kind: 'server-error', status: response.status, at: new Date().toISOString() };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    failure = {
      ...failure,
      kind: timedOut ? 'timeout' : 'refused',
      timeoutSeconds: config.networkTimeoutSeconds,
      at: new Date().toISOString(),
    };
  } finally {
    probing = false;
  }
  attempt += 1;
  void refreshStatus();
  schedule();
}

element('sh-retry').addEventListener('click', () => void probe());
render();
element('sh-title').focus();
void refreshStatus();
schedule();
