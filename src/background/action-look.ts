/**
 * The toolbar button's icon and title for each tab: what the site's state is (on, paused, off, needs
 * permission) and, when on, what was found. The title is what a screen reader announces for the button,
 * so it says the state in words rather than leaving it to the icon's colour. Pure: toolbar.ts applies it.
 */
import type { MessageKey } from '../ui/i18n';
import type { SiteStateLabel } from './site-state';

export interface ActionLook {
  path: { 16: string; 32: string };
  title: string;
}

type Icon = 'on' | 'off' | 'paused' | 'blocked';

const ICON: Record<SiteStateLabel, Icon> = {
  on: 'on',
  paused: 'paused',
  off: 'off',
  blocked: 'blocked',
  unsupported: 'off',
};

const STATE_TEXT: Record<SiteStateLabel, MessageKey> = {
  on: 'stateOn',
  paused: 'statePaused',
  off: 'stateOff',
  blocked: 'stateBlocked',
  unsupported: 'stateUnsupported',
};

/**
 * The look for a state; `summary` is the findings line ("1 error, 1 warning") and is shown only when the
 * site is on, since a paused or blocked site's last report is no longer current.
 */
export function actionLook(
  state: SiteStateLabel,
  summary: string | undefined,
  text: (key: MessageKey) => string,
): ActionLook {
  const icon = ICON[state];
  const detail = state === 'on' && summary ? `. ${summary}` : '';
  return {
    path: { 16: `/icons/state-${icon}-16.png`, 32: `/icons/state-${icon}-32.png` },
    title: `${text('actionTitle')}: ${text(STATE_TEXT[state])}${detail}`,
  };
}
