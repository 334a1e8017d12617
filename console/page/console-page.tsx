import { FAVICON_DATA_URL } from '../../contract/favicon.ts';

function SignIn() {
  return (
    <section id="sign-in" class="card signin" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <form id="sign-in-form" method="post" autocomplete="off">
        <label for="token">Admin token</label>
        <input id="token" type="password" required spellcheck={false} />
        <button type="submit" class="primary">
          Sign in
        </button>
        <p id="sign-in-error" class="error" role="alert" />
        <p class="hint">
          The token was printed once when the service first started, or it is the ADMIN_TOKEN you set. It
          stays in this browser tab only and is forgotten when you close it.
        </p>
      </form>
    </section>
  );
}

function MessagesView() {
  return (
    <section id="view-messages" aria-labelledby="messages-title">
      <div class="row">
        <h2 id="messages-title">Messages</h2>
        <button id="new-message" type="button" class="primary">
          New message
        </button>
        <button id="reload-messages" type="button">
          Refresh
        </button>
      </div>
      <p id="list-notice" class="notice" role="status" hidden />
      <h3>Shown now</h3>
      <ul id="list-active" class="messages" />
      <h3>Upcoming</h3>
      <ul id="list-upcoming" class="messages" />
      <h3>Past</h3>
      <ul id="list-past" class="messages" />
    </section>
  );
}

function Editor() {
  return (
    <section id="editor" aria-labelledby="editor-title" hidden>
      <h2 id="editor-title">New message</h2>
      <div class="grid2">
        <form id="message-form" class="card" novalidate>
          <fieldset id="templates">
            <legend>Start from a template</legend>
            <div class="row">
              <label for="template-phone">Phone for users to call (optional)</label>
              <input id="template-phone" type="tel" placeholder="+7 (495) 123-45-67" />
            </div>
            <div id="template-buttons" class="row" />
          </fieldset>
          <fieldset>
            <legend>Severity</legend>
            <div class="row">
              <button type="button" class="severity" data-severity="outage" aria-pressed="false">
                Outage
              </button>
              <button type="button" class="severity" data-severity="maintenance" aria-pressed="true">
                Maintenance
              </button>
              <button type="button" class="severity" data-severity="info" aria-pressed="false">
                Info
              </button>
            </div>
          </fieldset>
          <fieldset>
            <legend>Message text</legend>
            <p class="hint">
              Write <code>{'{until}'}</code> where the end time should appear; each user sees it in their
              language.
            </p>
            <div id="texts" />
            <div class="row">
              <label for="new-language">Add a language (e.g. de, uk)</label>
              <input id="new-language" type="text" maxlength={35} />
              <button id="add-language" type="button">
                Add language
              </button>
            </div>
          </fieldset>
          <fieldset>
            <legend>Bases</legend>
            <div id="bases" class="row" />
          </fieldset>
          <fieldset>
            <legend>When</legend>
            <p id="zone-note" class="hint" />
            <label for="starts-at">Starts (empty = now)</label>
            <input id="starts-at" type="datetime-local" />
            <label for="display-until">Display until</label>
            <input id="display-until" type="datetime-local" required />
            <div class="row">
              <span class="hint">Set display-until to now +</span>
              <button type="button" class="until-plus" data-minutes="30">
                30 min
              </button>
              <button type="button" class="until-plus" data-minutes="60">
                1 hour
              </button>
              <button type="button" class="until-plus" data-minutes="120">
                2 hours
              </button>
              <button type="button" class="until-plus" data-minutes="240">
                4 hours
              </button>
            </div>
          </fieldset>
          <details id="help-overrides">
            <summary>Help text and link for this message only (optional)</summary>
            <p class="hint">Left empty, users get the help text and link from the settings.</p>
            <div id="help-texts" />
            <label for="help-url">Help link (http or https)</label>
            <input id="help-url" type="url" placeholder="https://help.example/1c" />
          </details>
          <div id="conflict" class="conflict" role="alert" hidden>
            <p id="conflict-text" />
            <div class="row">
              <button id="conflict-reload" type="button" class="primary">
                Load their version
              </button>
              <button id="conflict-dismiss" type="button">
                Keep editing mine
              </button>
            </div>
          </div>
          <p id="form-error" class="error" role="alert" />
          <div class="row">
            <button id="save-message" type="submit" class="primary">
              Save
            </button>
            <button id="cancel-edit" type="button">
              Cancel
            </button>
          </div>
        </form>
        <section class="previews card" aria-labelledby="previews-title">
          <h3 id="previews-title">What users will see</h3>
          <div class="row">
            <label for="preview-base">Base</label>
            <select id="preview-base" />
            <label for="preview-language">Language</label>
            <select id="preview-language" />
          </div>
          <p id="preview-note" class="hint" role="status" />
          <h3>Thin client (1C login error dialog)</h3>
          <iframe id="preview-dialog" class="dialog" title="Thin client dialog preview" sandbox="" />
          <h3>Web client offline page</h3>
          <iframe id="preview-offline" class="offline" title="Web client offline page preview" sandbox="" />
          <h3>Status page</h3>
          <iframe id="preview-status" class="status" title="Status page preview" sandbox="" />
        </section>
      </div>
    </section>
  );
}

function OtherViews() {
  return (
    <>
      <section id="view-settings" aria-labelledby="settings-title" hidden>
        <h2 id="settings-title">Settings</h2>
        <form id="settings-form" class="card" novalidate>
          <label for="settings-default-language">Default language</label>
          <input id="settings-default-language" type="text" required data-path="defaultLanguage" />
          <label for="settings-time-zone">Time zone users see (IANA, e.g. Europe/Moscow)</label>
          <input id="settings-time-zone" type="text" required data-path="timeZone" />
          <fieldset>
            <legend>Default help text (shown with every message and when there is none)</legend>
            <div id="settings-help-texts" />
          </fieldset>
          <label for="settings-help-url">Default help link ("Нужна помощь")</label>
          <input id="settings-help-url" type="url" data-path="helpURL" />
          <fieldset>
            <legend>Bases</legend>
            <p class="hint">Key = the last part of the base's service address: /startup-error/&lt;key&gt;.</p>
            <div id="settings-bases" />
            <button id="settings-add-base" type="button">
              Add base
            </button>
          </fieldset>
          <p id="settings-error" class="error" role="alert" />
          <p id="settings-saved" class="notice" role="status" hidden />
          <button id="settings-save" type="submit" class="primary">
            Save settings
          </button>
        </form>
      </section>
      <section id="view-audit" aria-labelledby="audit-title" hidden>
        <h2 id="audit-title">Audit log</h2>
        <div id="audit-table" />
      </section>
      <section id="view-requests" aria-labelledby="requests-title" hidden>
        <h2 id="requests-title">Captured requests</h2>
        <p class="hint">The last startup-error requests as your 1C clients sent them.</p>
        <div id="requests-table" />
      </section>
      <section id="view-reports" aria-labelledby="reports-title" hidden>
        <h2 id="reports-title">Login-error reports</h2>
        <div id="reports-table" />
      </section>
    </>
  );
}

/**
 * The console's static page, rendered once at build time. Everything that depends on data is filled
 * in by /admin/console.js with textContent, after sign-in; the page holds no secrets and no data.
 */
export function renderConsolePage(): string {
  const page = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>startup-help · admin console</title>
        <link rel="icon" href={FAVICON_DATA_URL} />
        <link rel="stylesheet" href="/admin/console.css" />
        <script src="/admin/console.js" defer />
      </head>
      <body>
        <header class="top">
          <h1>startup-help · admin console</h1>
          <div class="who">
            <a href="/status">Status page</a>
            <button id="sign-out" type="button" hidden>
              Sign out
            </button>
          </div>
        </header>
        <main>
          <SignIn />
          <div id="app" hidden>
            <nav class="tabs" aria-label="Sections">
              <button type="button" class="tab" data-view="messages" aria-pressed="true">
                Messages
              </button>
              <button type="button" class="tab" data-view="settings" aria-pressed="false">
                Settings
              </button>
              <button type="button" class="tab" data-view="audit" aria-pressed="false">
                Audit log
              </button>
              <button type="button" class="tab" data-view="requests" aria-pressed="false">
                Captured requests
              </button>
              <button type="button" class="tab" data-view="reports" aria-pressed="false">
                Reports
              </button>
            </nav>
            <MessagesView />
            <Editor />
            <OtherViews />
          </div>
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${page.toString()}`;
}
