import type { ConsoleTexts } from '../texts/console-texts.ts';

type ProblemTexts = Pick<
  ConsoleTexts,
  | 'probeNoAnswer'
  | 'probeRefused'
  | 'probeHostNotFound'
  | 'probeReset'
  | 'probeUnreachable'
  | 'receiverAnswered'
>;

/**
 * The service's problem texts for a failed check or delivery are English plain words; the ones it
 * uses most are said here in the console's language. Anything else is shown as the service wrote it.
 */
const KNOWN: readonly [RegExp, (texts: ProblemTexts, match: RegExpExecArray) => string][] = [
  [/^no answer within (\d+(?:\.\d+)?) s$/, (texts, match) => texts.probeNoAnswer(match[1] ?? '')],
  [/^connection refused: nothing listens on that port$/, (texts) => texts.probeRefused],
  [/^host not found: check the name$/, (texts) => texts.probeHostNotFound],
  [/^the connection was reset$/, (texts) => texts.probeReset],
  [/^host unreachable$/, (texts) => texts.probeUnreachable],
  [/^the receiver answered HTTP (\d{3})$/, (texts, match) => texts.receiverAnswered(match[1] ?? '')],
];

/** The service adds "(after 6 attempts)" to a final failure; the console says the count itself. */
const ATTEMPTS_SUFFIX = /\s*\(after \d+ attempts?\)$/;

export function problemWords(problem: string, texts: ProblemTexts): string {
  const bare = problem.replace(ATTEMPTS_SUFFIX, '').trim();
  for (const [pattern, say] of KNOWN) {
    const match = pattern.exec(bare);
    if (match) return say(texts, match);
  }
  return bare;
}
