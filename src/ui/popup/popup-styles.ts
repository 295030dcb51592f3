export const POPUP_STYLES = `
html,body{margin:0;background:var(--gg-bg);color:var(--gg-text);font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
body{width:380px;min-height:120px;max-height:590px;overflow-y:auto}
main{padding:12px 14px}
header{display:flex;align-items:center;gap:8px;margin-bottom:8px}
header h1{font-size:16px;margin:0;flex:1}
.gg-site{font-size:12px;color:var(--gg-muted);word-break:break-all}
.gg-state{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;background:var(--gg-chip)}
.gg-state-on{background:var(--gg-ok);color:var(--gg-bg)}
.gg-state-blocked{background:var(--gg-warning);color:var(--gg-bg)}
.gg-row{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}
.gg-button{font:inherit;padding:5px 12px;border-radius:6px;border:1px solid var(--gg-border);background:var(--gg-card);color:var(--gg-text);cursor:pointer}
.gg-button:hover{border-color:var(--gg-primary)}
.gg-primary{background:var(--gg-primary);border-color:var(--gg-primary);color:var(--gg-primary-text)}
.gg-button:disabled{opacity:.55;cursor:default}
fieldset{border:1px solid var(--gg-border);border-radius:6px;margin:8px 0;padding:6px 10px}
legend{font-size:12px;color:var(--gg-muted);padding:0 4px}
fieldset label{display:block;margin:2px 0}
.gg-summary-line{font-weight:600;margin:10px 0 4px}
.gg-empty{color:var(--gg-muted)}
.gg-hint{border-left:3px solid var(--gg-warning);padding-left:8px;color:var(--gg-muted)}
.gg-error-text{color:var(--gg-error)}
.gg-lock{font-size:12px;color:var(--gg-muted)}
.gg-sticky-summary{position:sticky;top:0;z-index:1;background:var(--gg-bg);display:flex;justify-content:space-between;align-items:baseline;gap:8px;border-bottom:1px solid var(--gg-border);padding:4px 0}
.gg-day{margin:8px 0}
.gg-day>summary{cursor:pointer;font-weight:600}
footer{display:flex;justify-content:space-between;gap:8px;border-top:1px solid var(--gg-border);padding-top:8px;margin-top:8px}
.gg-link{font:inherit;background:none;border:0;padding:0;color:var(--gg-primary);text-decoration:underline;cursor:pointer}
`;
