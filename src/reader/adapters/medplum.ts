/**
 * Medplum (React + Mantine): class names are generated, so charge items are found by their field labels
 * ("CPT Code", "Modifiers") and notes by ARIA roles, never by class.
 */
import type { SiteAdapter } from './types';

export const medplumAdapter: SiteAdapter = {
  id: 'medplum',
  name: 'Medplum',
  matches: [{ url: /medplum/i }, { selector: 'meta[name="application-name"][content="Medplum"]' }],
  chargeFields: [
    {
      container: 'body',
      labels: {
        code: /^cpt( code)?$/i,
        modifiers: /^modifiers?$/i,
        units: /^(units|quantity)$/i,
        minutes: /^(minutes|duration)$/i,
      },
      label: 'Charge items',
    },
  ],
};
