import type { StaticTextKey } from './texts/console-texts.ts';

/**
 * Every element of the console page the browser program looks up, with its tag: the one map the
 * markup (console/page) and the program (console/browser) share. The markup writes `id={id('…')}`
 * and the program asks `byId('…')`, so an id missing here or mistyped on either side fails `tsc`;
 * `byId` checks the tag at run time, and a test checks that the page has each one exactly once.
 * Elements the program creates itself (a text area per language, a checkbox per base) are not here.
 */
export const ELEMENTS = {
  app: 'div',
  'console-language': 'select',
  'time-zone-mode': 'select',
  'sign-out': 'button',
  tabs: 'nav',

  'sign-in': 'section',
  'sign-in-form': 'form',
  token: 'input',
  'sign-in-error': 'p',

  'view-messages': 'section',
  'new-message': 'button',
  'reload-messages': 'button',
  'list-notice': 'p',
  'list-active': 'ul',
  'list-upcoming': 'ul',
  'list-past': 'ul',

  editor: 'section',
  'editor-title': 'h2',
  'message-form': 'form',
  'template-phone': 'input',
  'template-buttons': 'div',
  severities: 'div',
  texts: 'div',
  'new-language': 'input',
  'add-language': 'button',
  bases: 'div',
  'zone-note': 'p',
  'starts-at': 'input',
  'display-until': 'input',
  'until-buttons': 'div',
  'help-overrides': 'details',
  'help-texts': 'div',
  'help-url': 'input',
  conflict: 'div',
  'conflict-text': 'p',
  'conflict-reload': 'button',
  'conflict-dismiss': 'button',
  'form-error': 'p',
  'save-message': 'button',
  'cancel-edit': 'button',
  'preview-base': 'select',
  'preview-language': 'select',
  'preview-note': 'p',
  'preview-dialog': 'iframe',
  'preview-offline': 'iframe',
  'preview-status': 'iframe',

  'view-schedules': 'section',
  'new-schedule': 'button',
  'reload-schedules': 'button',
  'schedules-notice': 'p',
  'schedules-list': 'ul',
  'schedule-form': 'form',
  'schedule-form-title': 'h3',
  'schedule-name': 'input',
  'schedule-repeat': 'select',
  'schedule-weekday-field': 'div',
  'schedule-weekday': 'select',
  'schedule-time-field': 'div',
  'schedule-time': 'input',
  'schedule-cron-field': 'div',
  'schedule-cron': 'input',
  'schedule-duration': 'input',
  'schedule-zone': 'input',
  'schedule-summary': 'p',
  'schedule-dates': 'details',
  'schedule-dates-note': 'p',
  'schedule-starts-from': 'input',
  'schedule-ends-at': 'input',
  'schedule-bases': 'div',
  'schedule-template': 'button',
  'schedule-texts': 'div',
  'schedule-enabled': 'input',
  'schedule-error': 'p',
  'schedule-save': 'button',
  'schedule-cancel': 'button',

  'view-monitors': 'section',
  'new-monitor': 'button',
  'reload-monitors': 'button',
  'monitors-notice': 'p',
  'monitors-list': 'ul',
  'monitor-form': 'form',
  'monitor-form-title': 'h3',
  'monitor-name': 'input',
  'monitor-kind-http': 'input',
  'monitor-kind-tcp': 'input',
  'monitor-target-label': 'label',
  'monitor-target': 'input',
  'monitor-target-hint': 'p',
  'monitor-bases': 'div',
  'monitor-interval': 'input',
  'monitor-timeout': 'input',
  'monitor-failures': 'input',
  'monitor-successes': 'input',
  'monitor-timing': 'p',
  'monitor-texts': 'div',
  'monitor-enabled': 'input',
  'monitor-error': 'p',
  'monitor-save': 'button',
  'monitor-cancel': 'button',

  'view-channels': 'section',
  'new-channel': 'button',
  'reload-channels': 'button',
  'channels-notice': 'p',
  'channels-list': 'ul',
  'deliveries-table': 'div',
  'channel-form': 'form',
  'channel-form-title': 'h3',
  'channel-kind-telegram': 'input',
  'channel-kind-email': 'input',
  'channel-kind-webhook': 'input',
  'channel-name': 'input',
  'channel-telegram': 'div',
  'channel-chat-id': 'input',
  'channel-token-env': 'input',
  'channel-api-base': 'input',
  'channel-email': 'div',
  'channel-to': 'input',
  'channel-from': 'input',
  'channel-smtp-host': 'input',
  'channel-smtp-port': 'input',
  'channel-smtp-security': 'select',
  'channel-smtp-user': 'input',
  'channel-password-env': 'input',
  'channel-webhook': 'div',
  'channel-url': 'input',
  'channel-secret-env': 'input',
  'channel-secret-note': 'div',
  'channel-language': 'select',
  'channel-events': 'div',
  'channel-bases': 'div',
  'channel-enabled': 'input',
  'channel-error': 'p',
  'channel-save': 'button',
  'channel-cancel': 'button',

  'view-settings': 'section',
  'settings-form': 'form',
  'settings-default-language': 'input',
  'settings-time-zone': 'input',
  'settings-help-texts': 'div',
  'settings-help-url': 'input',
  'settings-bases': 'div',
  'settings-add-base': 'button',
  'settings-error': 'p',
  'settings-saved': 'p',
  'settings-save': 'button',

  'view-audit': 'section',
  'audit-table': 'div',
  'audit-more': 'button',

  'view-requests': 'section',
  'requests-table': 'div',

  'view-reports': 'section',
  'reports-table': 'div',
} as const satisfies Record<string, keyof HTMLElementTagNameMap>;

export type ElementId = keyof typeof ELEMENTS;
export type ElementOf<Id extends ElementId> = HTMLElementTagNameMap[(typeof ELEMENTS)[Id]];

/** For the markup: `<ul id={id('list-active')}>`; a name missing from the map fails `tsc`. */
export const id = <Id extends ElementId>(name: Id): Id => name;

/**
 * The console's tabs, in order: each has a section `view-<id>` (in the map above) and a word in the
 * texts. Adding a tab: add it here, its section's ids above, its markup and its loader in main.ts.
 */
export const VIEWS = [
  { id: 'messages', text: 'tabMessages' },
  { id: 'schedules', text: 'tabSchedules' },
  { id: 'monitors', text: 'tabMonitors' },
  { id: 'channels', text: 'tabChannels' },
  { id: 'settings', text: 'tabSettings' },
  { id: 'audit', text: 'tabAudit' },
  { id: 'requests', text: 'tabRequests' },
  { id: 'reports', text: 'tabReports' },
] as const satisfies ReadonlyArray<{ id: string; text: StaticTextKey }>;

export type ViewId = (typeof VIEWS)[number]['id'];

/** Every tab's section is in the map: a tab without one fails `tsc` here. */
export const viewSection = (view: ViewId): `view-${ViewId}` & ElementId => `view-${view}`;
