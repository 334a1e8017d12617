// The console's boot: the only file that reads storage and wires the page together.
import { zoneLabel } from '../../contract/local-time.ts';
import type { MessageTemplate } from '../../contract/message-template.ts';
import type { PageLanguage } from '../../contract/page-languages.ts';
import type { Settings } from '../../contract/settings.ts';
import { VIEWS, type ViewId, viewSection } from '../element-ids.ts';
import { CONSOLE_TEXTS, chooseConsoleLanguage } from '../texts/console-texts.ts';
import { type ApiAnswer, createAdminApi, problemText } from './admin-api.ts';
import { createAuditView } from './audit-view.ts';
import { createChannelsView } from './channels-view.ts';
import { browserZone, type ConsoleContext } from './console-context.ts';
import { byId, el, setText } from './dom.ts';
import { loadReports, loadRequests } from './log-tables.ts';
import { createMessageEditor } from './message-editor.ts';
import { createMessagesView } from './messages-view.ts';
import { createMonitorsView } from './monitors-view.ts';
import { createSchedulesView } from './schedules-view.ts';
import { createSettingsView } from './settings-view.ts';
import { applyStaticTexts } from './static-texts.ts';
import type { ZoneMode } from './time-display.ts';

const TOKEN_KEY = 'startup-help.admin-token';
const LANGUAGE_KEY = 'startup-help.console-language';
const ZONE_MODE_KEY = 'startup-help.console-times';

/** The administrator's choices, remembered in this browser: the console's language and whose clock. */
const choice: { language: PageLanguage; zoneMode: ZoneMode } = {
  language: chooseConsoleLanguage(localStorage.getItem(LANGUAGE_KEY), navigator.languages),
  zoneMode: localStorage.getItem(ZONE_MODE_KEY) === 'mine' ? 'mine' : 'users',
};
const words = () => CONSOLE_TEXTS[choice.language];

/** The signed-in console, once there is one. */
let ctx: ConsoleContext | undefined;
let redraw: () => void = () => undefined;

function showSignIn(error: string) {
  byId('app').hidden = true;
  byId('sign-out').hidden = true;
  byId('sign-in').hidden = false;
  setText(byId('sign-in-error'), error);
  byId('token').focus();
}

function signOut(reason: string) {
  sessionStorage.removeItem(TOKEN_KEY);
  showSignIn(reason);
}

/** "users' (МСК)" and "mine (UTC+2)": whose clock, and its zone once the users' zone is known. */
function renderZoneChoice() {
  const select = byId('time-zone-mode');
  const now = Date.now();
  const zone = (label: string, name: string) =>
    ctx ? `${label} (${zoneLabel(now, name, choice.language).replace(/^\((.*)\)$/, '$1')})` : label;
  select.replaceChildren(
    el('option', { value: 'users' }, zone(words().timesUsers, ctx?.settings.timeZone ?? 'UTC')),
    el('option', { value: 'mine' }, zone(words().timesMine, browserZone())),
  );
  select.value = choice.zoneMode;
}

/** Words and times everywhere in the current choices. */
function applyChoices() {
  if (ctx) Object.assign(ctx, { language: choice.language, texts: words(), zoneMode: choice.zoneMode });
  applyStaticTexts(document, words(), choice.language);
  renderZoneChoice();
  redraw();
}

function contextFor(
  token: string,
  settings: Settings,
  templates: readonly MessageTemplate[],
): ConsoleContext {
  const created: ConsoleContext = {
    api: createAdminApi(token, () => choice.language),
    templates,
    settings,
    language: choice.language,
    texts: words(),
    zoneMode: choice.zoneMode,
    signOut,
    async request(method, path, options): Promise<ApiAnswer> {
      try {
        const answer = await created.api.call(method, path, options);
        if (answer.status === 401) signOut(words().tokenNoLongerAccepted);
        return answer;
      } catch (error) {
        return {
          status: 0,
          etag: undefined,
          data: { error: 'network', message: words().cannotReach(String(error)) },
        };
      }
    },
  };
  return created;
}

/** The tabs and views of a signed-in console; returns how to show one and how to draw them again. */
function wireViews(signedIn: ConsoleContext) {
  const messages = createMessagesView(
    signedIn,
    (loaded) => editor.open(loaded),
    () => showView('schedules'),
  );
  const editor = createMessageEditor(signedIn, (notice) => {
    messages.notice(notice);
    void messages.load();
  });
  const settingsView = createSettingsView(signedIn, (next) => {
    signedIn.settings = next;
    renderZoneChoice();
  });
  const audit = createAuditView(signedIn);
  const schedules = createSchedulesView(signedIn);
  const monitors = createMonitorsView(signedIn);
  const channels = createChannelsView(signedIn);
  /** Views with a form of their own: a switch of language or clock redraws it, keeping what was typed. */
  const relabels: Partial<Record<ViewId, () => void>> = {
    schedules: schedules.relabel,
    monitors: monitors.relabel,
    channels: channels.relabel,
  };
  const loaders: Record<ViewId, () => Promise<unknown>> = {
    messages: messages.load,
    schedules: schedules.load,
    monitors: monitors.load,
    channels: channels.load,
    settings: settingsView.load,
    audit: audit.load,
    requests: () => loadRequests(signedIn),
    reports: () => loadReports(signedIn),
  };
  let current: ViewId = 'messages';
  const showView = (view: ViewId) => {
    current = view;
    for (const { id } of VIEWS) byId(viewSection(id)).hidden = id !== view;
    byId('editor').hidden = true;
    for (const tab of byId('tabs').querySelectorAll<HTMLButtonElement>('button.tab')) {
      tab.setAttribute('aria-pressed', String(tab.dataset.view === view));
    }
    void loaders[view]();
  };
  for (const tab of byId('tabs').querySelectorAll<HTMLButtonElement>('button.tab')) {
    tab.addEventListener('click', () => showView((tab.dataset.view as ViewId | undefined) ?? 'messages'));
  }
  byId('new-message').addEventListener('click', () => editor.open());
  byId('reload-messages').addEventListener('click', () => void messages.load());
  // Another language or clock: the open form is kept as typed, a list is loaded again.
  redraw = () => {
    editor.relabel();
    const relabel = relabels[current];
    if (current === 'settings') settingsView.relabel();
    else if (relabel) relabel();
    else if (byId('editor').hidden) void loaders[current]();
  };
  return showView;
}

let showView: ((view: ViewId) => void) | undefined;

function start(token: string, settings: Settings, templates: readonly MessageTemplate[]) {
  if (ctx) {
    // A new sign-in after a 401 only swaps the token.
    ctx.api = createAdminApi(token, () => choice.language);
    ctx.settings = settings;
  } else {
    ctx = contextFor(token, settings, templates);
    showView = wireViews(ctx);
  }
  byId('sign-in').hidden = true;
  byId('app').hidden = false;
  byId('sign-out').hidden = false;
  renderZoneChoice();
  showView?.('messages');
}

/** Checks the token against the API before keeping it; only sessionStorage ever holds it. */
async function signIn(token: string): Promise<void> {
  if (!token) return showSignIn(words().enterToken);
  const api = createAdminApi(token, () => choice.language);
  let answer: ApiAnswer;
  let templates: ApiAnswer | undefined;
  try {
    [answer, templates] = await Promise.all([
      api.call('GET', '/api/admin/settings'),
      // Without templates the editor still works; they only save typing.
      api.call('GET', '/api/admin/templates').catch(() => undefined),
    ]);
  } catch (error) {
    return showSignIn(words().cannotReach(String(error)));
  }
  if (answer.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    return showSignIn(words().tokenRejected);
  }
  if (answer.status !== 200)
    return showSignIn(problemText(answer.data, words().serviceAnswered(answer.status)));
  sessionStorage.setItem(TOKEN_KEY, token);
  byId('token').value = '';
  const ready =
    templates?.status === 200 ? (templates.data as { templates: MessageTemplate[] }).templates : [];
  start(token, answer.data as Settings, ready);
}

byId('console-language').value = choice.language;
applyChoices();
byId('console-language').addEventListener('change', (event) => {
  choice.language = chooseConsoleLanguage((event.target as HTMLSelectElement).value, []);
  localStorage.setItem(LANGUAGE_KEY, choice.language);
  applyChoices();
});
byId('time-zone-mode').addEventListener('change', (event) => {
  choice.zoneMode = (event.target as HTMLSelectElement).value === 'mine' ? 'mine' : 'users';
  localStorage.setItem(ZONE_MODE_KEY, choice.zoneMode);
  applyChoices();
});
byId('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void signIn(byId('token').value.trim());
});
byId('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  window.location.reload();
});

const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) void signIn(saved);
else showSignIn('');
