import type { StartupErrorResponse } from '../../../../../contract/startup-error-response.ts';

/** The 1C thin client's own words around the service's message, in the platform's languages. */
export const DIALOG_TEXTS: Record<
  string,
  { title: string; fallback: string; needHelp: string; details: string }
> = {
  ru: {
    title: '1С:Предприятие',
    fallback: 'Не удалось подключиться к информационной базе.',
    needHelp: 'Нужна помощь',
    details: 'Показать подробности…',
  },
  en: {
    title: '1C:Enterprise',
    fallback: 'Could not connect to the infobase.',
    needHelp: 'Need help',
    details: 'Show details…',
  },
  lv: {
    title: '1C:Uzņēmums',
    fallback: 'Neizdevās pieslēgties informācijas bāzei.',
    needHelp: 'Nepieciešama palīdzība',
    details: 'Rādīt detaļas…',
  },
};

export const THIN_CLIENT_DIALOG_CSS = `
body{margin:0;padding:16px;background:#dfe3e8;font:13px/1.45 Arial,"Segoe UI",sans-serif;color:#222}
.window{max-width:520px;margin:0 auto;background:#fff;border:1px solid #9aa3ad;border-radius:4px;box-shadow:0 6px 24px rgba(0,0,0,.25)}
.titlebar{display:flex;justify-content:space-between;padding:6px 10px;background:#f3f3f3;border-bottom:1px solid #d0d4d9;font-weight:700}
.content{display:flex;gap:14px;padding:16px 18px 8px}
.icon{flex:none;width:32px;height:32px;border-radius:50%;background:#d9534f;color:#fff;font:700 22px/32px Arial,sans-serif;text-align:center}
.system{margin:0 0 10px;white-space:pre-line;font-size:14px}
.system.fallback{color:#555}
.help{margin:0 0 10px;white-space:pre-line;color:#333}
.link{display:block;margin:0 0 6px;color:#0645ad;text-decoration:underline}
.buttons{display:flex;justify-content:flex-end;padding:8px 18px 14px}
.button{border:1px solid #8a939c;border-radius:3px;background:#f7f7f7;padding:3px 22px}
`;

function Dialog(props: { body: StartupErrorResponse; language: string }) {
  const texts = DIALOG_TEXTS[props.language.split('-')[0]?.toLowerCase() ?? ''] ?? DIALOG_TEXTS.en;
  if (!texts) throw new Error('dialog texts missing');
  const { body } = props;
  return (
    <html lang={props.language}>
      <head>
        <meta charset="utf-8" />
        <title>{texts.title}</title>
        <style dangerouslySetInnerHTML={{ __html: THIN_CLIENT_DIALOG_CSS }} />
      </head>
      <body>
        <div class="window" role="dialog" aria-label={texts.title}>
          <div class="titlebar">
            <span>{texts.title}</span>
            <span aria-hidden="true">×</span>
          </div>
          <div class="content">
            <div class="icon" aria-hidden="true">
              !
            </div>
            <div>
              {body.userMessage ? (
                <p class="system">{body.userMessage}</p>
              ) : (
                <p class="system fallback">{texts.fallback}</p>
              )}
              {body.helpText && <p class="help">{body.helpText}</p>}
              {body.helpURL && (
                <a class="link" href={body.helpURL}>
                  {texts.needHelp}
                </a>
              )}
              <span class="link">{texts.details}</span>
            </div>
          </div>
          <div class="buttons">
            <span class="button">OK</span>
          </div>
        </div>
      </body>
    </html>
  );
}

/**
 * A look-alike of the thin client's login-error dialog (platform 8.3.21+): the service's message as
 * the system message, the help text, "Нужна помощь" when a URL is set, and "Показать подробности…".
 */
export function renderThinClientDialog(body: StartupErrorResponse, language: string): string {
  return `<!doctype html>${(<Dialog body={body} language={language} />).toString()}`;
}
