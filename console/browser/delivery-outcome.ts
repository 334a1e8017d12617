import type { Delivery } from '../../contract/channel.ts';
import type { ConsoleTexts } from '../texts/console-texts.ts';
import { problemWords } from './problem-words.ts';

/** A delivery's outcome as the table shows it: a word for the state and what happened, in plain words. */
export interface DeliveryOutcome {
  readonly state: Delivery['state'];
  readonly word: string;
  readonly detail: string;
}

/** `at` is how the console writes a time ("27 ноября, 03:15 МСК"). */
export function deliveryOutcome(
  delivery: Delivery,
  texts: ConsoleTexts,
  at: (iso: string) => string,
): DeliveryOutcome {
  const problem = delivery.problem ? problemWords(delivery.problem, texts) : '';
  if (delivery.state === 'delivered') {
    return {
      state: 'delivered',
      word: texts.outcomeDelivered,
      detail: delivery.attempts > 1 ? texts.deliveredAfter(delivery.attempts) : '',
    };
  }
  if (delivery.state === 'failed') {
    return {
      state: 'failed',
      word: texts.outcomeFailed,
      detail: texts.failedAfter(delivery.attempts, problem),
    };
  }
  const detail =
    delivery.attempts > 0 && delivery.nextAttemptAt
      ? texts.retrying(delivery.attempts, at(delivery.nextAttemptAt), problem)
      : texts.firstAttempt;
  return { state: 'pending', word: texts.outcomePending, detail };
}

/** "Monitor sees a server go down": an event in the console's words. */
export function eventWord(event: Delivery['event'], texts: ConsoleTexts): string {
  const words: Record<Delivery['event'], string> = {
    'message.start': texts.eventMessageStart,
    'message.change': texts.eventMessageChange,
    'message.end': texts.eventMessageEnd,
    'monitor.down': texts.eventMonitorDown,
    'monitor.up': texts.eventMonitorUp,
    'channel.test': texts.eventTest,
  };
  return words[event];
}
