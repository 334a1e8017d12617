import type { TurnGate } from '../domain/turn-gate.ts';
import { apiError } from './api-error.ts';

/**
 * Runs `answer` in its turn at the public-pages gate (see TurnGate). A full line answers 503 with
 * `Retry-After`: the status is being asked for far more often than anyone can read it.
 */
export async function inTurn(gate: TurnGate, answer: () => Promise<Response>): Promise<Response> {
  if (!(await gate.enter())) {
    throw apiError(
      503,
      {
        error: 'unavailable',
        message: 'The status is being asked for very often right now. Try again in a moment.',
      },
      { 'retry-after': '1' },
    );
  }
  try {
    return await answer();
  } finally {
    gate.leave();
  }
}
