import { FAVICON_DATA_URL } from '../../contract/favicon.ts';
import { LANGUAGE_NAMES, PAGE_LANGUAGES } from '../../contract/page-languages.ts';
import { id, VIEWS, viewSection } from '../element-ids.ts';
import { EN } from '../texts/en.ts';
import { ChannelsView } from './channels-markup.tsx';
import { editorMarkup } from './editor-markup.tsx';
import { MonitorsView } from './monitors-markup.tsx';
import { Label } from './page-label.tsx';
import { text } from './page-text.ts';
import { SchedulesView } from './schedules-markup.tsx';

function Header() {
  return (
    <header class="top">
      <h1 {...text('pageTitle')} />
      <div class="controls">
        <label class="control">
          <span {...text('consoleLanguage')} />
          <select id={id('console-language')}>
            {PAGE_LANGUAGES.map((tag) => (
              <option value={tag} lang={tag}>
                {LANGUAGE_NAMES[tag]}
              </option>
            ))}
          </select>
        </label>
        <label class="control">
          <span {...text('timesIn')} />
          <select id={id('time-zone-mode')}>
            <option value="users">{EN.timesUsers}</option>
            <option value="mine">{EN.timesMine}</option>
          </select>
        </label>
        <a href="/status" {...text('statusPageLink')} />
        <button id={id('sign-out')} type="button" hidden {...text('signOut')} />
      </div>
    </header>
  );
}

function SignIn() {
  return (
    <section id={id('sign-in')} class="card signin" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title" {...text('signInTitle')} />
      <form id={id('sign-in-form')} method="post" autocomplete="off">
        <Label for="token" k="tokenLabel" />
        <input id={id('token')} type="password" required spellcheck={false} />
        <button type="submit" class="primary" {...text('signInButton')} />
        <p id={id('sign-in-error')} class="error" role="alert" />
        <p class="hint" {...text('signInHint')} />
      </form>
    </section>
  );
}

function MessagesView() {
  return (
    <section id={id('view-messages')} aria-labelledby="messages-title">
      <div class="row">
        <h2 id="messages-title" {...text('messagesTitle')} />
        <button id={id('new-message')} type="button" class="primary" {...text('newMessage')} />
        <button id={id('reload-messages')} type="button" {...text('refresh')} />
      </div>
      <p id={id('list-notice')} class="notice" role="status" hidden />
      <h3 {...text('shownNow')} />
      <ul id={id('list-active')} class="messages" />
      <h3 {...text('upcoming')} />
      <ul id={id('list-upcoming')} class="messages" />
      <h3 {...text('past')} />
      <ul id={id('list-past')} class="messages" />
    </section>
  );
}

function SettingsView() {
  return (
    <section id={id('view-settings')} aria-labelledby="settings-title" hidden>
      <h2 id="settings-title" {...text('settingsTitle')} />
      <form id={id('settings-form')} class="card" novalidate>
        <Label for="settings-default-language" k="defaultLanguageLabel" />
        <input id={id('settings-default-language')} type="text" required data-path="defaultLanguage" />
        <Label for="settings-time-zone" k="timeZoneLabel" />
        <input id={id('settings-time-zone')} type="text" required data-path="timeZone" />
        <fieldset>
          <legend {...text('defaultHelpLegend')} />
          <div id={id('settings-help-texts')} />
        </fieldset>
        <Label for="settings-help-url" k="defaultHelpURLLabel" />
        <input id={id('settings-help-url')} type="url" data-path="helpURL" />
        <fieldset>
          <legend {...text('settingsBasesLegend')} />
          <p class="hint" {...text('settingsBasesHint')} />
          <div id={id('settings-bases')} />
          <button id={id('settings-add-base')} type="button" {...text('addBase')} />
        </fieldset>
        <p id={id('settings-error')} class="error" role="alert" />
        <p id={id('settings-saved')} class="notice" role="status" hidden />
        <button id={id('settings-save')} type="submit" class="primary" {...text('saveSettings')} />
      </form>
    </section>
  );
}

function LogViews() {
  return (
    <>
      <section id={id('view-audit')} aria-labelledby="audit-title" hidden>
        <h2 id="audit-title" {...text('auditTitle')} />
        <div id={id('audit-table')} />
        <button id={id('audit-more')} type="button" hidden {...text('showOlder')} />
      </section>
      <section id={id('view-requests')} aria-labelledby="requests-title" hidden>
        <h2 id="requests-title" {...text('requestsTitle')} />
        <p class="hint" {...text('requestsHint')} />
        <div id={id('requests-table')} />
      </section>
      <section id={id('view-reports')} aria-labelledby="reports-title" hidden>
        <h2 id="reports-title" {...text('reportsTitle')} />
        <div id={id('reports-table')} />
      </section>
    </>
  );
}

/**
 * The console's static page, rendered once at build time, in English; the program puts every text
 * in the administrator's language (`data-text`) at start. Everything that depends on data is filled
 * in by /admin/console.js with textContent, after sign-in; the page holds no secrets and no data.
 */
export function renderConsolePage(): string {
  const page = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title {...text('pageTitle')} />
        <link rel="icon" href={FAVICON_DATA_URL} />
        <link rel="stylesheet" href="/admin/console.css" />
        <script src="/admin/console.js" defer />
      </head>
      <body>
        <Header />
        <main>
          <SignIn />
          <div id={id('app')} hidden>
            <nav id={id('tabs')} class="tabs" {...text('sections', 'aria-label')}>
              {VIEWS.map((view, index) => (
                <button
                  type="button"
                  class="tab"
                  data-view={view.id}
                  aria-controls={viewSection(view.id)}
                  aria-pressed={String(index === 0)}
                  {...text(view.text)}
                />
              ))}
            </nav>
            <MessagesView />
            {editorMarkup()}
            <SchedulesView />
            <MonitorsView />
            <ChannelsView />
            <SettingsView />
            <LogViews />
          </div>
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${page.toString()}`;
}
