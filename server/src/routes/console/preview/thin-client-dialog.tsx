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

function Dialog(props: { body: StartupErrorResponse; language: string; style: string }) {
  const texts = DIALOG_TEXTS[props.language.split('-')[0]?.toLowerCase() ?? ''] ?? DIALOG_TEXTS.en;
  if (!texts) throw new Error('dialog texts missing');
  const { body } = props;
  return (
    <html lang={props.language}>
      <head>
        <meta charset="utf-8" />
        <title>{texts.title}</title>
        <style dangerouslySetInnerHTML={{ __html: props.style }} />
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
 * A look-alike of the thin client's login-error dialog, with `style` inline (THIN_CLIENT_DIALOG_CSS) (platform 8.3.21+): the service's message as
 * the system message, the help text, "Нужна помощь" when a URL is set, and "Показать подробности…".
 */
export function renderThinClientDialog(body: StartupErrorResponse, language: string, style: string): string {
  return `<!doctype html>${(<Dialog body={body} language={language} style={style} />).toString()}`;
}
