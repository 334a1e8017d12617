/** The thin-client dialog preview's only style sheet: inline, allowed by its hash in the console's CSP. */
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
