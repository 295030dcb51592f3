export const SIDEPANEL_STYLES = `
html,body{margin:0;background:var(--gg-bg);color:var(--gg-text);font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{padding:0 12px 16px}
.gg-sticky{position:sticky;top:0;background:var(--gg-bg);padding:10px 0 6px;border-bottom:1px solid var(--gg-border);z-index:1}
.gg-sticky h1{font-size:15px;margin:0}
.gg-summary-line{font-weight:600;margin:4px 0 0}
.gg-site{font-size:12px;color:var(--gg-muted);word-break:break-all}
.gg-tabs{display:flex;gap:4px;margin-top:8px}
.gg-tabs button{font:inherit;padding:3px 10px;border:1px solid var(--gg-border);border-radius:12px;background:var(--gg-card);color:var(--gg-text);cursor:pointer}
.gg-tabs button[aria-selected=true]{background:var(--gg-primary);border-color:var(--gg-primary);color:var(--gg-primary-text)}
h2.gg-section{font-size:13px;margin:14px 0 6px}
.gg-empty{color:var(--gg-muted)}
.gg-hint{border-left:3px solid var(--gg-warning);padding-left:8px;color:var(--gg-muted)}
.gg-button{font:inherit;padding:4px 10px;border-radius:6px;border:1px solid var(--gg-border);background:var(--gg-card);color:var(--gg-text);cursor:pointer}
.gg-primary{background:var(--gg-primary);border-color:var(--gg-primary);color:var(--gg-primary-text)}
`;
