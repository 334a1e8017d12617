import type { LoginErrorReport } from '../../../contract/captured-request.ts';
import type { Logger } from '../domain/logger.ts';
import { ReportLog } from '../domain/report-log.ts';
import { CAPTURED_REQUESTS, captureRequest, type RequestToCapture } from '../domain/request-capture.ts';
import { Ring } from '../domain/ring.ts';
import type { Store } from './store.ts';

export interface ActivityRecorderOptions {
  store: Pick<Store, 'recordActivity'>;
  now: () => number;
  logger: Logger;
  /**
   * How long captures wait to be written together. Node: about a second (one write per second
   * however busy the hot path is). Workers: 0, each request writes its own in `waitUntil` (an
   * isolate may be gone a moment after the answer).
   */
  flushDelayMs: number;
}

/**
 * Captured requests and login-error reports on their way to the store. The hot path only pushes a
 * reference into a bounded buffer; turning it into JSON and writing it happens later, in one batch,
 * never before the answer. Between two writes memory stays bounded: the newest 200 requests, the
 * newest 1,000 reports and their counters.
 */
export class ActivityRecorder {
  readonly #options: ActivityRecorderOptions;
  #requests = new Ring<RequestToCapture>(CAPTURED_REQUESTS);
  #reports = new ReportLog();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> = Promise.resolve();
  #scheduled: Promise<void> | undefined;
  #release: (written: Promise<void>) => void = () => {};
  #closed = false;

  constructor(options: ActivityRecorderOptions) {
    this.#options = options;
  }

  /** Keeps `request` (and `report`, for a POST); returns the promise of the write that will hold it. */
  record(request: RequestToCapture, report?: LoginErrorReport): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#requests.push(request);
    if (report) this.#reports.add(report);
    return this.#schedule();
  }

  #schedule(): Promise<void> {
    if (!this.#scheduled) {
      this.#scheduled = new Promise<void>((resolve) => {
        this.#release = resolve;
      });
      this.#timer = setTimeout(() => this.#fire(), this.#options.flushDelayMs);
      // A pending write must not keep a process alive that is otherwise done (tests, scripts).
      (this.#timer as { unref?: () => void }).unref?.();
    }
    return this.#scheduled;
  }

  #fire(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#scheduled = undefined;
    const written = this.flush();
    this.#release(written);
    return written;
  }

  /** Writes everything recorded so far; resolves once it is in the store. Never rejects: failures are logged. */
  flush(): Promise<void> {
    const requests = this.#requests.newest().reverse().map(captureRequest);
    const { reports, counts } = this.#reports.drain();
    this.#requests = new Ring(CAPTURED_REQUESTS);
    const write = async () => {
      if (requests.length === 0 && counts.length === 0) return;
      try {
        await this.#options.store.recordActivity({ requests, reports, counts }, this.#options.now());
      } catch (error) {
        this.#options.logger.warn('could not save captured requests and reports; they are lost', {
          problem: (error as Error).message,
          requests: requests.length,
          reports: reports.length,
        });
      }
    };
    // One write at a time, in order: rings keep their order across flushes.
    this.#flushing = this.#flushing.then(write);
    return this.#flushing;
  }

  /** Writes what is left and records nothing more (shutdown). */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#fire();
  }
}
