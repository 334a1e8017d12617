/** The console's style sheet, served as /admin/console.css. Calm, high contrast, big targets. */
export const CONSOLE_CSS = `
:root{color-scheme:light;--fg:#1b2330;--muted:#556070;--bg:#f3f4f6;--card:#fff;--border:#cfd5dd;--accent:#1d5aa0;
--ok:#1b6e37;--warn:#7d5200;--bad:#aa2219;--focus:#f5b400}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
header.top{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem;padding:.6rem 1.25rem;background:#17324f;color:#fff}
header.top h1{font-size:1.15rem;margin:0}
header.top a{color:#fff}
header.top .controls{display:flex;flex-wrap:wrap;gap:.5rem .9rem;align-items:center}
header.top .control{display:flex;gap:.4rem;align-items:center;font-weight:400;min-width:0;max-width:100%}

main{max-width:94rem;margin:0 auto;padding:1rem 1.25rem 3rem}
@media (max-width:40rem){main{padding:.75rem .6rem 2rem}header.top{padding:.6rem .75rem}.card{padding:.75rem .7rem}fieldset{padding:.5rem .6rem .7rem}}
h2{font-size:1.2rem;margin:1.25rem 0 .5rem}
h3{font-size:1.05rem;margin:1rem 0 .4rem}
button{font:inherit;padding:.4rem .9rem;border-radius:6px;border:1px solid #8793a3;background:#fff;color:var(--fg);cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:#fff;font-weight:600}
button.danger{border-color:var(--bad);color:var(--bad)}
button[aria-pressed="true"]{background:#17324f;border-color:#17324f;color:#fff}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
input,textarea,select{font:inherit;padding:.4rem .5rem;border:1px solid #8793a3;border-radius:6px;background:#fff;color:var(--fg);width:100%}
select{width:auto;max-width:100%;min-width:0}
input[type=checkbox],input[type=radio]{width:auto}
textarea{min-height:5.5rem;resize:vertical}
label{font-weight:600}
form>label,fieldset>label{display:block;margin-top:.7rem}
.hint{color:var(--muted);font-size:.9rem;margin:.2rem 0}
.error{color:var(--bad);font-weight:600}
.card{background:var(--card);border:1px solid var(--border);border-radius:8px;padding:1rem 1.25rem;margin:0 0 1rem}
.signin{max-width:30rem;margin:3rem auto}
.signin form{display:grid;gap:.6rem}
nav.tabs{display:flex;flex-wrap:wrap;gap:.4rem;margin:0 0 1rem}
.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.grid2{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.25rem;align-items:start}
@media (max-width:70rem){.grid2{grid-template-columns:minmax(0,1fr)}}
fieldset{border:1px solid var(--border);border-radius:8px;margin:0 0 .9rem;padding:.6rem .9rem .8rem}
legend{font-weight:700;padding:0 .3rem}
.lang-block{margin:.5rem 0 .8rem}
.base-fields{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:.4rem 1rem}
@media (max-width:50rem){.base-fields{grid-template-columns:minmax(0,1fr)}}
.base-help textarea{min-height:3.2rem}
[aria-invalid="true"]{border:2px solid var(--bad)}
.lang-block .count{color:var(--muted);font-size:.85rem;float:right;font-weight:400}
ul.lint{list-style:none;margin:.3rem 0 0;padding:0}
ul.lint li{border-left:4px solid var(--warn);background:#fff7e6;padding:.25rem .6rem;margin:.2rem 0;font-size:.92rem}
ul.lint li.clean{border-left-color:var(--ok);background:#eef8f1}
.messages{list-style:none;padding:0;margin:0}
.messages li{background:var(--card);border:1px solid var(--border);border-left:6px solid var(--muted);border-radius:6px;padding:.6rem .9rem;margin:.4rem 0;overflow-wrap:break-word}
.messages .shown{margin:.2rem 0;font-weight:600;color:var(--ok)}.messages .shown.none{color:var(--muted);font-weight:400}
.messages li.outage{border-left-color:var(--bad)}.messages li.maintenance{border-left-color:var(--warn)}.messages li.info{border-left-color:var(--accent)}
.messages .text{white-space:pre-line;margin:.25rem 0}
.messages .meta{color:var(--muted);font-size:.9rem}
.messages .auto{border-left:4px solid var(--accent);background:#eef4fb;padding:.3rem .6rem;margin:.3rem 0;font-size:.92rem}
.empty{color:var(--muted)}
.badge{display:inline-block;font-size:.8rem;font-weight:700;border:1px solid currentColor;border-radius:999px;padding:0 .5rem;margin-right:.4rem}
.conflict{border:2px solid var(--bad);background:#fdeceb;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}
.notice{border:2px solid var(--ok);background:#eef8f1;border-radius:8px;padding:.5rem 1rem;margin:.75rem 0}
.previews iframe{width:100%;border:1px solid var(--border);border-radius:6px;background:#fff}
.previews .dialog{height:300px}.previews .offline{height:460px}.previews .status{height:520px}
.preview-choice label{display:flex;flex-direction:column;gap:.2rem;flex:1 1 12rem;min-width:0}
.preview-choice select{width:100%}
table{border-collapse:collapse;width:100%;background:var(--card);font-size:.9rem}
th,td{border:1px solid var(--border);padding:.3rem .5rem;text-align:left;vertical-align:top}
td pre{margin:0;white-space:pre-wrap;overflow-wrap:break-word;max-height:14rem;overflow:auto}
td{overflow-wrap:break-word}
.changes .change{margin:.1rem 0}.changes .field{font-weight:600}
.changes del{background:#fdeceb;text-decoration:line-through}.changes ins{background:#eef8f1;text-decoration:none}
/* Monitors, recurring windows, notification channels: one card per item, its state first. */
.intro{max-width:60rem}
.items{list-style:none;padding:0;margin:0}
.items>li{background:var(--card);border:1px solid var(--border);border-left:6px solid var(--muted);border-radius:6px;padding:.6rem .9rem;margin:.5rem 0;overflow-wrap:anywhere}
.items>li.empty{border-left-color:var(--border);color:var(--muted)}
.items>li.up{border-left-color:var(--ok)}.items>li.down{border-left-color:var(--bad);background:#fff8f7}.items>li.maintenance{border-left-color:var(--warn)}
.items>li.off{border-left-color:var(--border);opacity:.85}
.items .head{display:flex;flex-wrap:wrap;gap:.2rem .5rem;align-items:baseline}
.items .name{font-size:1.05rem}
.items p{margin:.25rem 0}
.items .meta{color:var(--muted);font-size:.9rem}
.items .actions{margin-top:.4rem}
.badge.state.up{color:var(--ok)}.badge.state.down{color:#fff;background:var(--bad);border-color:var(--bad)}.badge.state.unknown,.badge.state.off{color:var(--muted)}
.badge.recurring{color:var(--warn)}
.situation{font-weight:600}
.down .situation,.outage{color:var(--bad)}.outage.suppressed,.outage.taken-over{color:var(--warn)}
.transitions{margin:.3rem 0 0;padding-left:1.2rem;font-size:.9rem}.transitions .down{color:var(--bad)}
.items h4{font-size:.95rem;margin:.6rem 0 .2rem}
.occurrences{list-style:none;margin:0;padding:0}
.occurrences li{display:flex;flex-wrap:wrap;gap:.3rem .6rem;align-items:center;padding:.25rem 0;border-top:1px solid var(--border)}
.occurrences .when{font-weight:600}.occurrences .skipped .when{text-decoration:line-through;color:var(--muted)}
.occurrences .status{color:var(--warn);font-weight:600;font-size:.9rem}
.occurrences .move{flex-basis:100%}.occurrences .move input{width:auto;max-width:100%}
.number-fields{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.2rem 1rem;align-items:end}
.number-fields label{display:block;margin-top:.7rem}
label.choice{display:flex;flex-wrap:nowrap;font-weight:400;gap:.5rem;margin:.35rem 0;align-items:flex-start}
label.choice input{margin-top:.2rem;flex:none}
.summary{font-weight:600;margin:.6rem 0}
details{margin:.5rem 0}details>summary{cursor:pointer;font-weight:600}
.secret-note{border-left:4px solid var(--accent);background:#eef4fb;padding:.5rem .8rem;margin:.8rem 0;font-size:.92rem}
.secret-note:empty{display:none}
.readiness{font-weight:600}.readiness.ready{color:var(--ok)}.readiness.not-ready{color:var(--bad)}
.last.failed{color:var(--bad)}.last.delivered{color:var(--ok)}
.outcome.failed strong{color:var(--bad)}.outcome.delivered strong{color:var(--ok)}.outcome.pending strong{color:var(--warn)}
.outcome .detail{font-size:.85rem;color:var(--muted)}
/* On a phone a table becomes one card per row, each value under its column's name. */
@media (max-width:40rem){
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
table.cards thead{display:none}
table.cards tr{border:1px solid var(--border);border-radius:6px;margin:.5rem 0;padding:.3rem .5rem;background:var(--card)}
table.cards td{border:0;padding:.2rem 0}
table.cards td::before{content:attr(data-label);display:block;font-size:.8rem;font-weight:600;color:var(--muted)}}
[hidden]{display:none !important}
`;
