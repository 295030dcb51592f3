import { FINDING_STYLES, THEME_STYLES } from '../components/finding-styles';

export const OVERLAY_STYLES = `${THEME_STYLES}
:host{all:initial}
.gg-panel{position:relative;width:340px;max-width:calc(100vw - 16px);max-height:min(70vh,560px);display:flex;flex-direction:column;
font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--gg-text);background:var(--gg-bg);border:1px solid var(--gg-border);
border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.18);overflow:hidden}
.gg-collapsed{width:auto;max-width:340px}
.gg-header{display:flex;align-items:center;gap:6px;padding:6px 8px;border-bottom:1px solid var(--gg-border);cursor:move;user-select:none;touch-action:none}
.gg-collapsed .gg-header{border-bottom:0}
.gg-panel[data-worst="error"] .gg-header{box-shadow:inset 4px 0 0 var(--gg-error)}
.gg-panel[data-worst="warning"] .gg-header{box-shadow:inset 4px 0 0 var(--gg-warning)}
.gg-panel[data-worst="info"] .gg-header{box-shadow:inset 4px 0 0 var(--gg-info)}
.gg-title{font-weight:700}
.gg-summary{flex:1;color:var(--gg-muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.gg-handle,.gg-icon{font:inherit;font-size:15px;line-height:1;background:none;border:0;color:var(--gg-muted);cursor:pointer;padding:4px 6px;border-radius:4px}
.gg-handle{cursor:move}
.gg-icon:hover,.gg-handle:hover{background:var(--gg-chip)}
.gg-body{overflow:auto;padding:4px 10px 8px}
.gg-empty,.gg-hint{margin:8px 0;color:var(--gg-muted)}
.gg-hint{border-left:3px solid var(--gg-warning);padding-left:8px}
.gg-footer{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-top:4px;font-size:12px}
.gg-link{font:inherit;background:none;border:0;padding:2px 0;color:var(--gg-primary);text-decoration:underline;cursor:pointer}
.gg-pick{display:inline-flex;gap:10px}
.gg-picking{color:var(--gg-warning);font-weight:600}
.gg-pick-box{position:fixed;z-index:2147483645;pointer-events:none;border:2px solid var(--gg-primary);background:rgba(26,95,180,.12);border-radius:3px}
.gg-mark{position:fixed;z-index:2147483645;pointer-events:none;background:rgba(255,196,0,.35);outline:2px solid #c78b00;border-radius:2px}
${FINDING_STYLES}`;
