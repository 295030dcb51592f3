import { medplumAdapter } from './medplum';
import { openEmrAdapter } from './openemr';
import type { SiteAdapter } from './types';

/** Known EHRs, tried in order. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [openEmrAdapter, medplumAdapter];

export type { SiteAdapter } from './types';
