import { createTwoFilesPatch } from 'diff';
import type { Colors } from 'picocolors/types';

/** A unified diff of one file's text; coloured when `colors` are enabled. Line endings are shown as is. */
export function renderDiff(path: string, before: string, after: string, colors: Colors): string {
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, {
    context: 2,
  });
  const lines = patch.split('\n');
  // createTwoFilesPatch opens with a "=====" separator line; without it the output reads like `diff -u`.
  return lines
    .filter((line) => !line.startsWith('==='))
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return colors.bold(line);
      if (line.startsWith('+')) return colors.green(line);
      if (line.startsWith('-')) return colors.red(line);
      if (line.startsWith('@@')) return colors.cyan(line);
      return line;
    })
    .join('\n');
}
