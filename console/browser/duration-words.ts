import type { ConsoleTexts } from '../texts/console-texts.ts';

type DurationTexts = Pick<ConsoleTexts, 'durationHours' | 'durationMinutes' | 'durationSeconds'>;

/** "1 h 30 min", "1 min 30 s", "45 s": a span of time as a person says it, biggest unit first, no zeros. */
export function durationWords(totalSeconds: number, texts: DurationTexts): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = [
    hours > 0 ? texts.durationHours(hours) : '',
    minutes > 0 ? texts.durationMinutes(minutes) : '',
    rest > 0 || seconds === 0 ? texts.durationSeconds(rest) : '',
  ];
  return parts.filter(Boolean).join(' ');
}
