import { FINDING_STYLES, THEME_STYLES } from '../components/finding-styles';

export const OVERLAY_STYLES = `${THEME_STYLES}
:host{all:initial}
.gg-pill-wrap{position:relative;font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--gg-text)}
.gg-pill{display:inline-flex;align-items:center;gap:6px;font:inherit;font-size:13px;line-height:1;padding:7px 10px;border-radius:16px;
border:1px solid var(--gg-border);background:var(--gg-bg);color:var(--gg-text);box-shadow:0 2px 10px rgba(0,0,0,.18);cursor:pointer;white-space:nowrap}
.gg-pill:focus-visible{outline:2px solid var(--gg-focus);outline-offset:2px}
.gg-pill-dot{width:9px;height:9px;border-radius:50%;background:var(--gg-ok)}
.gg-pill-wrap[data-worst="error"] .gg-pill-dot{background:var(--gg-error)}
.gg-pill-wrap[data-worst="warning"] .gg-pill-dot{background:var(--gg-warning)}
.gg-pill-wrap[data-worst="info"] .gg-pill-dot{background:var(--gg-info)}
.gg-pill-count{min-width:18px;padding:2px 5px;border-radius:9px;background:var(--gg-chip);text-align:center;font-weight:700}
.gg-panel{position:absolute;width:340px;max-width:calc(100vw - 24px);max-height:min(60vh,480px);display:flex;flex-direction:column;
background:var(--gg-bg);border:1px solid var(--gg-border);border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.18);overflow:hidden}
.gg-panel[hidden]{display:none}
.gg-header{display:flex;align-items:center;gap:6px;padding:6px 8px;border-bottom:1px solid var(--gg-border)}
.gg-title{font-weight:700}
.gg-summary{flex:1;color:var(--gg-muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.gg-icon{font:inherit;font-size:15px;line-height:1;background:none;border:0;color:var(--gg-muted);cursor:pointer;padding:4px 6px;border-radius:4px}
.gg-icon:hover{background:var(--gg-chip)}
.gg-body{overflow:auto;padding:4px 10px 8px}
.gg-empty{margin:8px 0;color:var(--gg-muted)}
.gg-footer{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-top:4px;font-size:12px}
.gg-link{font:inherit;background:none;border:0;padding:2px 0;color:var(--gg-primary);text-decoration:underline;cursor:pointer}
.gg-pick{display:inline-flex;gap:10px}
.gg-picking{color:var(--gg-warning);font-weight:600}
.gg-picked{flex-basis:100%;margin:2px 0 0;overflow-wrap:anywhere}
.gg-picked-where{color:var(--gg-muted)}
.gg-pick-box{position:fixed;z-index:2147483645;pointer-events:none;border:2px solid var(--gg-primary);background:rgba(26,95,180,.12);border-radius:3px}
.gg-mark{position:fixed;z-index:2147483645;pointer-events:none;background:rgba(255,196,0,.35);outline:2px solid #c78b00;border-radius:2px}
${FINDING_STYLES}
.gg-finding:focus{outline:2px solid var(--gg-focus);outline-offset:1px}`;
