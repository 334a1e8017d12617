import type { MessageTemplate } from '../../contract/message-template.ts';
import type { Settings } from '../../contract/settings.ts';
import { createAdminApi, problemText } from './admin-api.ts';
import type { ConsoleContext } from './console-context.ts';
import { byId, setText } from './dom.ts';
import { createLogTables } from './log-tables.ts';
import { createMessageEditor } from './message-editor.ts';
import { createMessagesView } from './messages-view.ts';
import { createSettingsView } from './settings-view.ts';

const TOKEN_KEY = 'startup-help.admin-token';
const VIEWS = ['messages', 'settings', 'audit', 'requests', 'reports'] as const;
type View = (typeof VIEWS)[number];

function showSignIn(error: string) {
  byId('app').hidden = true;
  byId('sign-out').hidden = true;
  byId('sign-in').hidden = false;
  setText(byId('sign-in-error'), error);
  byId<HTMLInputElement>('token').focus();
}

function signOut(reason: string) {
  sessionStorage.removeItem(TOKEN_KEY);
  showSignIn(reason);
}

/** Set once the console is wired; a later sign-in (after a 401) only swaps the token. */
let resume: ((token: string, settings: Settings) => void) | undefined;

function start(token: string, settings: Settings, templates: readonly MessageTemplate[]) {
  if (resume) {
    resume(token, settings);
    return;
  }
  let api = createAdminApi(token);
  const ctx: ConsoleContext = {
    api,
    templates,
    settings,
    signOut,
    async request(method, path, options) {
      try {
        const answer = await api.call(method, path, options);
        if (answer.status === 401) signOut('Your admin token is no longer accepted. Sign in again.');
        return answer;
      } catch (error) {
        return {
          status: 0,
          etag: undefined,
          data: {
            message: `Cannot reach the service (${String(error)}). Check that it is running; nothing was changed.`,
          },
        };
      }
    },
  };
  const messages = createMessagesView(ctx, (loaded) => editor.open(loaded));
  const editor = createMessageEditor(ctx, (notice) => {
    messages.notice(notice);
    void messages.load();
  });
  const settingsView = createSettingsView(ctx, (next) => {
    ctx.settings = next;
  });
  const logs = createLogTables(ctx);
  const loaders: Record<View, () => Promise<void>> = {
    messages: messages.load,
    settings: settingsView.load,
    audit: logs.audit,
    requests: logs.requests,
    reports: logs.reports,
  };

  function showView(view: View) {
    for (const name of VIEWS) byId(`view-${name}`).hidden = name !== view;
    byId('editor').hidden = true;
    for (const tab of document.querySelectorAll<HTMLButtonElement>('button.tab')) {
      tab.setAttribute('aria-pressed', String(tab.dataset.view === view));
    }
    void loaders[view]();
  }

  for (const tab of document.querySelectorAll<HTMLButtonElement>('button.tab')) {
    tab.addEventListener('click', () => showView((tab.dataset.view as View | undefined) ?? 'messages'));
  }
  byId('new-message').addEventListener('click', () => editor.open());
  byId('reload-messages').addEventListener('click', () => void messages.load());
  resume = (nextToken, nextSettings) => {
    api = createAdminApi(nextToken);
    ctx.api = api;
    ctx.settings = nextSettings;
    reveal();
  };
  function reveal() {
    byId('sign-in').hidden = true;
    byId('app').hidden = false;
    byId('sign-out').hidden = false;
    showView('messages');
  }
  reveal();
}

/** Checks the token against the API before keeping it; only sessionStorage ever holds it. */
async function signIn(token: string): Promise<void> {
  if (!token) {
    showSignIn('Enter the admin token.');
    return;
  }
  const api = createAdminApi(token);
  let answer: Awaited<ReturnType<typeof api.call>>;
  let templates: Awaited<ReturnType<typeof api.call>> | undefined;
  try {
    [answer, templates] = await Promise.all([
      api.call('GET', '/api/admin/settings'),
      // Without templates the editor still works; they only save typing.
      api.call('GET', '/api/admin/templates').catch(() => undefined),
    ]);
  } catch (error) {
    showSignIn(`Cannot reach the service (${String(error)}). Check that it is running.`);
    return;
  }
  if (answer.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    showSignIn('This admin token was not accepted. Check that you copied all of it, without spaces.');
    return;
  }
  if (answer.status !== 200) {
    showSignIn(
      problemText(answer.data, `The service answered HTTP ${answer.status}; try again in a minute.`),
    );
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  byId<HTMLInputElement>('token').value = '';
  const ready =
    templates?.status === 200 ? (templates.data as { templates: MessageTemplate[] }).templates : [];
  start(token, answer.data as Settings, ready);
}

byId('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void signIn(byId<HTMLInputElement>('token').value.trim());
});
byId('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  window.location.reload();
});

const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) void signIn(saved);
else showSignIn('');
