import { problemSentence } from '../../contract/issue-words.ts';
import { PAGE_LANGUAGES } from '../../contract/page-languages.ts';
import type { FieldProblem } from '../../contract/problem.ts';
import type { Settings } from '../../contract/settings.ts';
import { problemText } from './admin-api.ts';
import { createBaseEntry, readBaseEntry } from './base-entry.ts';
import type { ConsoleContext } from './console-context.ts';
import { byId, el, setText } from './dom.ts';
import { markFields } from './field-marks.ts';
import { languageLabel } from './static-texts.ts';

/** The settings form: default language, zone, default help, bases. */
export function createSettingsView(ctx: ConsoleContext, onSaved: (settings: Settings) => void) {
  const form = byId('settings-form');
  const rows = byId('settings-bases');
  const error = byId('settings-error');
  const saved = byId('settings-saved');
  let etag: string | undefined;
  let languages: string[] = [];

  function fill(settings: Settings) {
    byId('settings-default-language').value = settings.defaultLanguage;
    byId('settings-time-zone').value = settings.timeZone;
    byId('settings-help-url').value = settings.helpURL ?? '';
    languages = [...new Set([...PAGE_LANGUAGES, ...Object.keys(settings.helpText ?? {})])];
    byId('settings-help-texts').replaceChildren(
      ...languages.map((language) => {
        const area = el('textarea', {
          id: `settings-help-${language}`,
          lang: language,
          rows: '2',
          'data-path': `helpText.${language}`,
          'data-language': language,
        });
        area.value = settings.helpText?.[language] ?? '';
        return el(
          'div',
          { class: 'lang-block' },
          el('label', { for: area.id }, languageLabel(language, ctx.language)),
          area,
        );
      }),
    );
    rows.replaceChildren(
      ...Object.entries(settings.bases).map(([key, base]) => createBaseEntry(key, base, languages, ctx)),
    );
  }

  /** The settings as typed, and what the page can tell is wrong before asking the API. */
  function collect(): { settings: Settings; problems: FieldProblem[] } {
    const helpText: Record<string, string> = {};
    for (const area of byId('settings-help-texts').querySelectorAll<HTMLTextAreaElement>('textarea')) {
      if (area.value.trim()) helpText[area.dataset.language ?? ''] = area.value.trim();
    }
    const bases: Settings['bases'] = {};
    const problems: FieldProblem[] = [];
    for (const entry of rows.querySelectorAll<HTMLElement>('.base-entry')) {
      const base = readBaseEntry(entry);
      if (!base) continue;
      // A second entry with the same key would silently replace the first one's name and help.
      if (Object.hasOwn(bases, base[0]))
        problems.push({ path: `bases.${base[0]}`, message: ctx.texts.duplicateKey });
      bases[base[0]] = base[1];
    }
    const helpURL = byId('settings-help-url').value.trim();
    const settings: Settings = {
      defaultLanguage: byId('settings-default-language').value.trim(),
      timeZone: byId('settings-time-zone').value.trim(),
      ...(Object.keys(helpText).length > 0 && { helpText }),
      ...(helpURL && { helpURL }),
      bases,
    };
    return { settings, problems };
  }

  async function load() {
    const answer = await ctx.request('GET', '/api/admin/settings');
    if (answer.status !== 200) {
      setText(error, problemText(answer.data, ctx.texts.couldNotLoadSettings(answer.status)));
      return;
    }
    etag = answer.etag;
    setText(error, '');
    saved.hidden = true;
    fill(answer.data as Settings);
  }

  /** Points at the refused fields (and takes a keyboard user to the first); [] clears the marks. */
  const markRefused = (problems: readonly FieldProblem[]) =>
    markFields(
      form,
      problems.map((problem) => problem.path),
      error.id,
    );

  function showRefused(problems: readonly FieldProblem[], fallback: string) {
    const sentences = problems.map((problem) => problemSentence(problem, ctx.language)).join('; ');
    setText(error, problems.length > 0 ? ctx.texts.notSavedBecause(sentences) : fallback);
    markRefused(problems);
  }

  async function save() {
    saved.hidden = true;
    const typed = collect();
    if (typed.problems.length > 0) return showRefused(typed.problems, '');
    const answer = await ctx.request('PUT', '/api/admin/settings', { body: typed.settings, ifMatch: etag });
    if (answer.status === 200) {
      etag = answer.etag;
      setText(error, '');
      markRefused([]);
      setText(saved, ctx.texts.settingsSaved);
      fill(answer.data as Settings);
      onSaved(answer.data as Settings);
      return;
    }
    const problems = (answer.data as { problems?: FieldProblem[] } | undefined)?.problems ?? [];
    showRefused(problems, problemText(answer.data, ctx.texts.settingsNotSaved(answer.status)));
  }

  byId('settings-add-base').addEventListener('click', () => {
    const entry = createBaseEntry('', undefined, languages, ctx);
    rows.append(entry);
    entry.querySelector('input')?.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });

  /** The form again in the console's language, keeping what was typed. */
  const relabel = () => {
    if (languages.length > 0) fill(collect().settings);
  };
  return { load, relabel };
}
