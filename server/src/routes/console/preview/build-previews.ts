import { SwConfig } from '../../../../../contract/kit-config.ts';
import { isoInZone } from '../../../../../contract/local-time.ts';
import type { Message } from '../../../../../contract/message.ts';
import type { Settings } from '../../../../../contract/settings.ts';
import { ALL_BASES } from '../../../domain/active-message.ts';
import { lintMessageFields, type MessageLintWarning } from '../../../domain/lint/lint-message-fields.ts';
import { buildStartupErrorResponse } from '../../../domain/startup-error-body.ts';
import { renderOfflinePage } from '../../../offline-page.ts';
import type { InlineAssets } from '../../inline-assets.ts';
import { buildStatusPageModel } from '../../status-page/status-page-model.ts';
import { renderStatusPage } from '../../status-page/status-page-view.tsx';
import { draftToMessage, type PreviewRequest } from './preview-request.ts';
import { renderThinClientDialog } from './thin-client-dialog.tsx';

export interface Previews {
  warnings: MessageLintWarning[];
  /** The instant the previews show (now, or the draft's start if later). */
  shownAt: string;
  /** Whole HTML documents, for sandboxed iframes. */
  dialog: string;
  offline: string;
  status: string;
}

/**
 * What users would see of a draft, rendered by the same code that serves them: the startup-error
 * answer (thin-client dialog), the service worker's offline page and the status page. Lint hints
 * are in `wordsIn`, the administrator's language.
 */
export function buildPreviews(
  request: PreviewRequest,
  data: { settings: Settings; messages: readonly Message[] },
  now: number,
  inline: InlineAssets,
  wordsIn = 'en',
): Previews {
  const { settings } = data;
  const { baseKey, language, draft } = request;
  const message = draftToMessage(draft, now, settings.timeZone);
  const t = Math.max(now, message ? Date.parse(message.startsAt) : now);
  const shown = message && Date.parse(message.startsAt) <= t && t < Date.parse(message.displayUntil);
  const { body } = buildStartupErrorResponse(settings, baseKey, language, shown ? message : undefined);

  const baseName = Object.hasOwn(settings.bases, baseKey) ? settings.bases[baseKey]?.name : undefined;
  const config = SwConfig.parse({
    ...(baseName && { baseName }),
    defaultLanguage: settings.defaultLanguage,
    timeZone: settings.timeZone,
  });
  const offline = renderOfflinePage(
    {
      config,
      failure: {
        kind: 'refused',
        url: `https://1c.example/${baseKey === ALL_BASES ? '' : baseKey}`,
        at: isoInZone(t, 'UTC'),
      },
      initialStatus: body,
      language,
    },
    inline.offlinePage,
    { now: t },
  );

  const others = data.messages.filter((stored) => stored.id !== draft.id);
  const status = renderStatusPage(
    buildStatusPageModel({
      settings,
      messages: message ? [...others, message] : others,
      t,
      language,
      baseKey: baseKey === ALL_BASES ? undefined : baseKey,
    }),
    { script: inline.statusPageScript.text, style: inline.statusPageStyle.text },
  );

  const warnings = message
    ? lintMessageFields(
        { text: message.text, helpText: message.helpText, helpURL: message.helpURL, bases: message.bases },
        settings,
        wordsIn,
      )
    : [];
  return {
    warnings,
    shownAt: isoInZone(t, settings.timeZone),
    dialog: renderThinClientDialog(body, language, inline.thinClientDialogStyle.text),
    offline,
    status,
  };
}
