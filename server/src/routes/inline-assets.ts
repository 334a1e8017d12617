import type { OfflinePageAssets } from '../offline-page.ts';

/** A script or style sheet a page carries inline, and the CSP source (`'sha256-…'`) of exactly these bytes. */
export interface InlineBlock {
  readonly text: string;
  readonly hash: string;
}

/**
 * The built scripts and style sheets the server's pages carry inline, each allowed in their CSP by
 * its hash: the offline page's (proxy mode's friendly page, the console's offline preview), the
 * status page's and the thin-client dialog preview's.
 */
export interface InlineAssets {
  readonly offlinePage: OfflinePageAssets;
  readonly statusPageScript: InlineBlock;
  readonly statusPageStyle: InlineBlock;
  readonly thinClientDialogStyle: InlineBlock;
}

/**
 * Where they come from: the bundle (Node, tests) or the Worker's static assets, read once per
 * isolate. Never rejects: a Worker uploaded without them still renders every page's text, unstyled
 * (its entry logs what is missing).
 */
export type InlineAssetsSource = () => Promise<InlineAssets>;
