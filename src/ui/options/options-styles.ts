export const OPTIONS_STYLES = `
html,body{margin:0;background:var(--gg-bg);color:var(--gg-text);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:760px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid var(--gg-border);padding-bottom:4px}
p.lede,.gg-muted{color:var(--gg-muted)}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--gg-border);vertical-align:top}
th{font-size:12px;color:var(--gg-muted);font-weight:600}
.gg-rule-title{font-weight:600}
.gg-rule-desc{color:var(--gg-muted);font-size:13px}
.gg-button{font:inherit;padding:4px 12px;border-radius:6px;border:1px solid var(--gg-border);background:var(--gg-card);color:var(--gg-text);cursor:pointer}
.gg-error-text{color:var(--gg-error)}
.gg-ok-text{color:var(--gg-ok)}
.gg-lock{font-size:12px;color:var(--gg-muted)}
select{font:inherit}
.gg-site-rules{margin:0 0 6px;font-size:13px}
.gg-site-rules summary{cursor:pointer;color:var(--gg-muted)}
.gg-site-rule{display:block;margin:2px 0}
button:focus-visible,input:focus-visible,select:focus-visible{outline:2px solid var(--gg-focus);outline-offset:2px}
`;
