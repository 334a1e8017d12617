/** The status page's only style sheet: inline, allowed by its hash in the CSP. */
export const STATUS_PAGE_CSS = `
:root{color-scheme:light dark;--fg:#1d2430;--bg:#f4f5f7;--card:#fff;--muted:#545e6b;--border:#d5d9df;
--ok:#1b6e37;--info:#1d5aa0;--maintenance:#7d5200;--outage:#aa2219}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--bg:#14171c;--card:#1d2128;--muted:#a9b1bc;
--border:#363c46;--ok:#62c885;--info:#84b4f0;--maintenance:#e5b552;--outage:#f3918a}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:48rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:.5rem 1rem;padding-top:1.5rem}
h1{font-size:1.7rem;margin:0}
a{color:var(--info)}
nav a,nav span{margin-left:.6rem}
nav [aria-current]{font-weight:700;text-decoration:none;color:var(--fg)}
.summary{background:var(--card);border:1px solid var(--border);border-left:8px solid var(--ok);border-radius:8px;
padding:1rem 1.25rem;margin:1.25rem 0;font-size:1.15rem}
.summary.attention{border-left-color:var(--outage)}
.base{background:var(--card);border:1px solid var(--border);border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
.base h2{font-size:1.25rem;margin:0 0 .25rem;display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem}
.base h2 a{color:inherit}
.badge{font-size:.95rem;font-weight:700;padding:.05rem .7rem;border-radius:999px;border:2px solid currentColor;white-space:nowrap}
.state-ok{color:var(--ok)}.state-info{color:var(--info)}.state-maintenance{color:var(--maintenance)}.state-outage{color:var(--outage)}
.message{border-left:4px solid currentColor;padding:.25rem 0 .25rem .9rem;margin:.75rem 0}
.message p{margin:.15rem 0;color:var(--fg);white-space:pre-line}
.when{color:var(--muted);font-size:.95rem}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
.help{margin:.75rem 0 0;color:var(--muted);white-space:pre-line}
.past{list-style:none;padding:0}
.past li{border-bottom:1px solid var(--border);padding:.6rem 0}
.past p{margin:.2rem 0;white-space:pre-line}
.past .badge{font-size:.8rem;padding:0 .5rem;margin-right:.3rem}
footer{color:var(--muted);font-size:.9rem;padding-bottom:2rem}
.checks{list-style:none;padding:0;margin:.25rem 0}
.checks li{margin:.2rem 0}
.checks .uptime{color:var(--muted);font-size:.95rem}
.bar{display:flex;gap:2px;margin:.2rem 0 .6rem;height:1.4rem}
.bar span{flex:1;border-radius:2px;background:var(--border)}
.bar .cell-up{background:var(--ok)}.bar .cell-partial{background:var(--maintenance)}.bar .cell-down{background:var(--outage)}
.bar-label{color:var(--muted);font-size:.9rem;margin:.4rem 0 0}
.recurring{color:var(--muted);font-size:.9rem}
`;
