import type { MessageLintWarning } from '../../../../contract/lint-warning.ts';
import type { MessageFields } from '../../../../contract/message.ts';
import type { Settings } from '../../../../contract/settings.ts';
import { ALL_BASES } from '../active-message.ts';
import { resolveHelp } from '../startup-error-body.ts';
import { lintMessage } from './lint-message.ts';

export type { MessageLintWarning };

/**
 * Lint warnings for every language of a message, with the help users will actually see (message
 * override, else the base's, else the default) as the contact context, in the words of `wordsIn`.
 * Hints only: callers return them next to the saved message and never refuse a save because of them.
 */
export function lintMessageFields(
  fields: Pick<MessageFields, 'text' | 'helpText' | 'helpURL' | 'bases'>,
  settings: Settings,
  wordsIn = 'en',
): MessageLintWarning[] {
  const bases: readonly string[] = fields.bases;
  const baseKey = bases.includes(ALL_BASES) ? ALL_BASES : (bases[0] ?? ALL_BASES);
  const warnings: MessageLintWarning[] = [];
  for (const [language, text] of Object.entries(fields.text)) {
    const help = resolveHelp(settings, baseKey, language, fields);
    const context = { helpText: help.helpText?.text, helpURL: help.helpURL };
    for (const warning of lintMessage(text, language, context, wordsIn))
      warnings.push({ ...warning, language });
  }
  return warnings;
}
