import { HELP_TEXT_KEY, HELP_URL_KEY } from '../../edit/base-entry.ts';
import type { BaseChange } from '../../edit/modify.ts';
import { type CommandContext, usageError } from '../context.ts';
import { checkHelpText, checkHelpUrl } from '../options.ts';
import { runEdit } from './run-edit.ts';

export async function setCommand(ctx: CommandContext): Promise<number> {
  const helpText = ctx.values['help-text'] as string | undefined;
  const helpUrl = ctx.values['help-url'] as string | undefined;
  if (helpText === undefined && helpUrl === undefined) {
    return usageError(ctx, 'nothing to set: give --help-text "…" and/or --help-url https://…');
  }
  const problem =
    (helpText !== undefined && checkHelpText(helpText)) || (helpUrl !== undefined && checkHelpUrl(helpUrl));
  if (problem) return usageError(ctx, problem);
  const set: Record<string, string> = {};
  if (helpText !== undefined) set[HELP_TEXT_KEY] = helpText;
  if (helpUrl !== undefined) set[HELP_URL_KEY] = helpUrl;
  const change: BaseChange = { set };
  return runEdit(ctx, () => change);
}

export async function unsetCommand(ctx: CommandContext): Promise<number> {
  const text = ctx.values['help-text'] === true;
  const url = ctx.values['help-url'] === true;
  const unset = text === url ? [HELP_TEXT_KEY, HELP_URL_KEY] : text ? [HELP_TEXT_KEY] : [HELP_URL_KEY];
  return runEdit(ctx, () => ({ unset }));
}
