/** Why the navigation did not get the 1C page. */
export type FailureKind = 'refused' | 'timeout' | 'server-error';

export interface Failure {
  readonly kind: FailureKind;
  /** The HTTP status of a server error (502, 503, 504…). */
  readonly status?: number;
  /** The address the user wanted; the page returns there when the server answers. */
  readonly url: string;
  /** When it happened (ISO time). */
  readonly at: string;
  /** Seconds the navigation waited before giving up (for "no answer within N s"). */
  readonly timeoutSeconds?: number;
}
