/** Styles of the units table, the claim, acknowledgements and the query, shared by the side panel and popup. */
export const WORKBENCH_STYLES = `
.gg-table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums;margin:4px 0}
.gg-table th,.gg-table td{border-bottom:1px solid var(--gg-border);padding:3px 6px;text-align:left}
.gg-table thead th{font-size:11px;text-transform:uppercase;letter-spacing:.03em;color:var(--gg-muted)}
.gg-table tfoot th,.gg-table tfoot td{font-weight:600;border-bottom:0}
.gg-table tr.gg-off td,.gg-table tr.gg-off th{background:var(--gg-quote)}
.gg-units-method,.gg-note{font-size:12px;color:var(--gg-muted);margin:4px 0}
.gg-changes{margin:6px 0;padding-left:18px}
.gg-changes li{margin:2px 0}
.gg-query-tag{color:var(--gg-warning);font-weight:600}
.gg-ack{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin-top:4px}
.gg-ack select{font:inherit;max-width:100%}
.gg-acked{margin:0;color:var(--gg-muted)}
.gg-reviewed .gg-finding{--gg-accent:var(--gg-border)}
details.gg-group>summary{cursor:pointer}
.gg-link{font:inherit;background:none;border:0;padding:0;color:var(--gg-primary);text-decoration:underline;cursor:pointer}
.gg-query-text{white-space:pre-wrap;font:12px/1.4 ui-monospace,Consolas,monospace;background:var(--gg-quote);padding:8px;border-radius:4px;max-height:16em;overflow:auto}
.gg-finding:focus{outline:2px solid var(--gg-focus);outline-offset:1px}
select:focus-visible,summary:focus-visible{outline:2px solid var(--gg-focus);outline-offset:2px}
`;
