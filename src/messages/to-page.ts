/**
 * What the worker pushes to GaitGuard's own pages (popup, side panel) over a long-lived port, and what
 * those pages send on it. A page opens the port, says which tab it shows, and receives that tab's state
 * now and after every change; it never polls and never makes the worker re-analyse.
 */
import * as z from 'zod/mini';
import type { UnitMethod } from '../engine/model';
import type { SiteStateLabel } from '../background/site-state';
import type { TabReport } from './to-content';

export { FRAME_PORT, TAB_STATE_PORT } from './ports';

export interface TabState {
  tabId: number;
  origin?: string;
  state: SiteStateLabel;
  locked: boolean;
  method: UnitMethod;
  medicare: boolean;
  /** The full report, frames of other sites included: extension pages are not reachable by the page. */
  report?: TabReport;
  overlayHidden: boolean;
}

export const WatchTabMessageSchema = z.object({
  type: z.literal('watch'),
  tabId: z.number().check(z.int(), z.minimum(0)),
});
export type PageToWorkerPort = z.infer<typeof WatchTabMessageSchema>;

export type WorkerToPagePort = { type: 'tab-state'; state: TabState };
