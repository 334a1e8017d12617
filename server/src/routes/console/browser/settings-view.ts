import type { Settings } from '../../../contract/settings.ts';
import { problemText } from './admin-api.ts';
import { type ConsoleContext, languageLabel } from './console-context.ts';
import { byId, el, setText } from './dom.ts';

interface FieldProblem {
  path: string;
  message: string;
}

/** The settings form: default language, zone, default help, bases. */
export function createSettingsView(ctx: ConsoleContext, onSaved: (settings: Settings) => void) {
  const form = byId<HTMLFormElement>('settings-form');
  const rows = byId('settings-bases');
  const error = byId('settings-error');
  const saved = byId('settings-saved');
  let etag: string | undefined;
  let languages: string[] = [];
  let loaded: Settings = ctx.settings;

  function baseRow(key: string, name: string, helpURL: string): HTMLTableRowElement {
    const input = (cls: string, value: string, label: string) => {
      const field = el('input', { type: 'text', class: cls, 'aria-label': label });
      field.value = value;
      return field;
    };
    const remove = el('button', { type: 'button', class: 'danger' }, 'Remove');
    const row = el(
      'tr',
      {},
      el('td', {}, input('base-key', key, 'Base key')),
      el('td', {}, input('base-name', name, 'Base name')),
      el('td', {}, input('base-help-url', helpURL, 'Help link for this base')),
      el('td', {}, remove),
    );
    remove.addEventListener('click', () => row.remove());
    return row;
  }

  function fill(settings: Settings) {
    loaded = settings;
    byId<HTMLInputElement>('settings-default-language').value = settings.defaultLanguage;
    byId<HTMLInputElement>('settings-time-zone').value = settings.timeZone;
    byId<HTMLInputElement>('settings-help-url').value = settings.helpURL ?? '';
    languages = [...new Set(['ru', 'en', 'lv', ...Object.keys(settings.helpText ?? {})])];
    byId('settings-help-texts').replaceChildren(
      ...languages.map((language) => {
        const area = el('textarea', { id: `settings-help-${language}`, lang: language, rows: '2' });
        area.value = settings.helpText?.[language] ?? '';
        return el(
          'div',
          { class: 'lang-block' },
          el('label', { for: area.id }, languageLabel(language)),
          area,
        );
      }),
    );
    rows.replaceChildren(
      ...Object.entries(settings.bases).map(([key, base]) => baseRow(key, base.name, base.helpURL ?? '')),
    );
  }

  function collect(): Settings {
    const helpText: Record<string, string> = {};
    for (const language of languages) {
      const value = byId<HTMLTextAreaElement>(`settings-help-${language}`).value.trim();
      if (value) helpText[language] = value;
    }
    const bases: Settings['bases'] = {};
    for (const row of rows.querySelectorAll('tr')) {
      const value = (cls: string) =>
        (row.querySelector<HTMLInputElement>(`input.${cls}`)?.value ?? '').trim();
      const key = value('base-key');
      if (!key) continue;
      const url = value('base-help-url');
      // Per-base help texts are not edited here; keep what the API has.
      const before = loaded.bases[key];
      bases[key] = {
        name: value('base-name') || key,
        ...(before?.helpText && { helpText: before.helpText }),
        ...(url && { helpURL: url }),
      };
    }
    const helpURL = byId<HTMLInputElement>('settings-help-url').value.trim();
    return {
      defaultLanguage: byId<HTMLInputElement>('settings-default-language').value.trim(),
      timeZone: byId<HTMLInputElement>('settings-time-zone').value.trim(),
      ...(Object.keys(helpText).length > 0 && { helpText }),
      ...(helpURL && { helpURL }),
      bases,
    };
  }

  async function load() {
    const answer = await ctx.request('GET', '/api/admin/settings');
    if (answer.status !== 200) {
      setText(error, problemText(answer.data, `Could not load the settings (HTTP ${answer.status}).`));
      return;
    }
    etag = answer.etag;
    setText(error, '');
    saved.hidden = true;
    fill(answer.data as Settings);
  }

  byId('settings-add-base').addEventListener('click', () => {
    const row = baseRow('', '', '');
    rows.append(row);
    row.querySelector('input')?.focus();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    saved.hidden = true;
    const answer = await ctx.request('PUT', '/api/admin/settings', { body: collect(), ifMatch: etag });
    if (answer.status === 200) {
      etag = answer.etag;
      setText(error, '');
      setText(saved, 'Settings saved.');
      fill(answer.data as Settings);
      onSaved(answer.data as Settings);
      return;
    }
    const problems = (answer.data as { problems?: FieldProblem[] } | undefined)?.problems ?? [];
    setText(
      error,
      problems.length > 0
        ? `Not saved: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`
        : problemText(answer.data, `Not saved (HTTP ${answer.status}).`),
    );
  });

  return { load };
}
