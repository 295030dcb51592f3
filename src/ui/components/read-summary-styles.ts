/** Styles of the "what was read" section, which only the popup shows. */
export const READ_STYLES = `
.gg-read{margin:6px 0;font-size:12px}
.gg-read-title{font-size:12px;text-transform:uppercase;letter-spacing:.04em;margin:8px 0 4px;color:var(--gg-muted)}
.gg-read ul{list-style:none;margin:0;padding:0}
.gg-read li{margin:0 0 2px}
.gg-read-off{color:var(--gg-muted);font-style:italic}
.gg-read-flag{color:var(--gg-warning);font-weight:600}
.gg-missing{border-left:3px solid var(--gg-warning);padding-left:8px;margin:6px 0;font-weight:600}
`;
