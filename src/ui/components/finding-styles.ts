/** Styles of the finding list, shared by the popup, the side panel and the pill (in its shadow root). */
export const FINDING_STYLES = `
.gg-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.gg-group{margin:0 0 10px}
.gg-group-title{font-size:12px;text-transform:uppercase;letter-spacing:.04em;margin:8px 0 6px;color:var(--gg-muted)}
.gg-count{display:inline-block;min-width:18px;padding:0 5px;border-radius:9px;background:var(--gg-chip);color:var(--gg-text);text-align:center}
.gg-list{list-style:none;margin:0;padding:0}
.gg-finding{border:1px solid var(--gg-border);border-left:4px solid var(--gg-accent);border-radius:6px;padding:8px 10px;margin:0 0 8px;background:var(--gg-card)}
.gg-error .gg-finding{--gg-accent:var(--gg-error)}
.gg-warning .gg-finding{--gg-accent:var(--gg-warning)}
.gg-info .gg-finding{--gg-accent:var(--gg-info)}
.gg-dot{display:inline-block;width:8px;height:8px;border-radius:50%;background:var(--gg-accent);margin-right:6px;vertical-align:middle}
.gg-message{font-weight:600;margin:0 0 4px}
.gg-explanation{margin:0 0 6px;color:var(--gg-muted)}
.gg-evidence{display:block;width:100%;text-align:left;font:inherit;font-style:italic;color:var(--gg-text);background:var(--gg-quote);border:0;border-radius:4px;padding:4px 6px;margin:0 0 6px;cursor:pointer}
.gg-evidence:disabled{cursor:default}
.gg-evidence:hover:not(:disabled){outline:1px solid var(--gg-accent)}
.gg-fix{margin:0 0 4px}
.gg-source{margin:0;font-size:11px;color:var(--gg-muted)}
button:focus-visible{outline:2px solid var(--gg-focus);outline-offset:2px}
`;

export const THEME_STYLES = `
:host, :root{--gg-text:#1d1f23;--gg-muted:#50555e;--gg-bg:#ffffff;--gg-card:#fbfbfc;--gg-border:#d5d8de;--gg-chip:#e8eaee;--gg-quote:#f1f3f6;
--gg-error:#b3261e;--gg-warning:#8a5300;--gg-info:#1a5fb4;--gg-ok:#1e6b35;--gg-focus:#1a5fb4;--gg-primary:#1a5fb4;--gg-primary-text:#fff}
@media (prefers-color-scheme: dark){:host, :root{--gg-text:#e8eaee;--gg-muted:#b2b7c0;--gg-bg:#1e2024;--gg-card:#26292e;--gg-border:#3d424a;--gg-chip:#3d424a;--gg-quote:#30343a;
--gg-error:#ff8a80;--gg-warning:#ffc266;--gg-info:#8ab4f8;--gg-ok:#7fd49a;--gg-focus:#8ab4f8;--gg-primary:#8ab4f8;--gg-primary-text:#111}}
@media (prefers-reduced-motion: reduce){*{transition:none !important;animation:none !important}}
`;
