/** @jsxImportSource react */
/**
 * A Medplum encounter chart built from Medplum's own components (@medplum/react on Mantine, data from
 * @medplum/mock's MockClient, no network), laid out as Medplum's provider app lays out an encounter: a
 * "Note & Tasks" view with the chart note and a "Details & Billing" view with the visit details and one card
 * per ChargeItem (a read-only, disabled "CPT Code" CodeableConceptInput and a "Modifiers"
 * CodeableConceptInput). Only one view is mounted at a time, as in the provider app. The composition is
 * ours; every input is Medplum's or Mantine's. The provider app's charge card shows no units, so each card
 * also carries Medplum's QuantityInput in a FormSection, the way Medplum's resource forms show
 * ChargeItem.quantity, unless the address asks for the provider app's card as it is.
 *
 * Route, as the provider app's: #/Patient/<patient id>/Encounter/<encounter id>/chart
 */
import '@mantine/core/styles.css';
import '@medplum/react/styles.css';
import {
  Card,
  MantineProvider,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { formatHumanName, getReferenceString } from '@medplum/core';
import type { ChargeItem, ClinicalImpression, Encounter, Patient, Practitioner } from '@medplum/fhirtypes';
import { MockClient } from '@medplum/mock';
import {
  CodeableConceptInput,
  DateTimeInput,
  FormSection,
  Loading,
  MedplumProvider,
  QuantityInput,
  ResourceInput,
  useMedplum,
} from '@medplum/react';
import { type JSX, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ENCOUNTERS } from '../encounters';
import { CHARGE_ITEM_MODIFIER_URL, CPT_SYSTEM, resourcesOf } from './resources';

interface Chart {
  encounter: Encounter & { id: string };
  patient: Patient;
  practitioner: Practitioner | undefined;
  note: ClinicalImpression | undefined;
  charges: (ChargeItem & { id: string })[];
}

/** Reads the encounter's resources from the (mock) server, as the provider app's useEncounterChart does. */
function useChart(encounterId: string): Chart | undefined {
  const medplum = useMedplum();
  const [chart, setChart] = useState<Chart>();
  useEffect(() => {
    let live = true;
    setChart(undefined);
    (async () => {
      const encounter = await medplum.readResource('Encounter', encounterId);
      const patient = await medplum.readReference(encounter.subject as { reference: string });
      const who = encounter.participant?.[0]?.individual;
      const practitioner = who ? ((await medplum.readReference(who)) as Practitioner) : undefined;
      const ref = getReferenceString(encounter);
      // The mock indexes few search parameters, so the encounter's own are picked here rather than by the search.
      const note = (await medplum.searchResources('ClinicalImpression')).find(
        (r) => r.encounter?.reference === ref,
      );
      const charges = (await medplum.searchResources('ChargeItem')).filter(
        (r) => r.context?.reference === ref,
      );
      if (live) setChart({ encounter, patient: patient as Patient, practitioner, note, charges });
    })().catch((error: unknown) => {
      document.body.dataset.chartError = String(error);
    });
    return () => {
      live = false;
    };
  }, [medplum, encounterId]);
  return chart;
}

/**
 * `?card=provider` in the address: the charge card exactly as the provider app draws it, with no units on
 * screen (its calculated price in their place); otherwise the units are shown in a QuantityInput.
 */
const PROVIDER_CARD = new URLSearchParams(window.location.search).get('card') === 'provider';

function ChargeItemCard({ charge }: { charge: ChargeItem & { id: string } }): JSX.Element {
  const cpt = { coding: charge.code?.coding?.filter((coding) => coding.system === CPT_SYSTEM) ?? [] };
  const modifiers = charge.extension?.find(
    (ext) => ext.url === CHARGE_ITEM_MODIFIER_URL,
  )?.valueCodeableConcept;
  return (
    <Card withBorder shadow="sm">
      <Stack gap="xs">
        <CodeableConceptInput
          binding="http://www.ama-assn.org/go/cpt/vs"
          label="CPT Code"
          name="cptCode"
          path="cptCode"
          defaultValue={cpt}
          readOnly
          disabled
        />
        <CodeableConceptInput
          binding="http://hl7.org/fhir/ValueSet/claim-modifiers"
          label="Modifiers"
          name="modifiers"
          path="modifiers"
          defaultValue={modifiers}
        />
        {PROVIDER_CARD ? (
          <TextInput
            label="Calculated Price"
            value={charge.priceOverride?.value ? `$${charge.priceOverride.value.toFixed(2)}` : 'N/A'}
            readOnly
          />
        ) : (
          <FormSection title="Quantity" htmlFor={`quantity-${charge.id}`}>
            <QuantityInput
              name={`quantity-${charge.id}`}
              path="ChargeItem.quantity"
              defaultValue={charge.quantity}
            />
          </FormSection>
        )}
      </Stack>
    </Card>
  );
}

function BillingTab({ chart }: { chart: Chart }): JSX.Element {
  return (
    <Stack gap="md">
      <Text fw={600} size="lg">
        Visit Details
      </Text>
      <Card withBorder shadow="sm">
        <Stack gap="md">
          <ResourceInput
            resourceType="Practitioner"
            name="practitioner"
            label="Practitioner"
            defaultValue={chart.practitioner}
          />
          <DateTimeInput name="checkin" label="Check in" defaultValue={chart.encounter.period?.start} />
          <DateTimeInput name="checkout" label="Check out" defaultValue={chart.encounter.period?.end} />
        </Stack>
      </Card>
      <Text fw={600} size="lg">
        Charge Items
      </Text>
      {chart.charges.map((charge) => (
        <ChargeItemCard key={charge.id} charge={charge} />
      ))}
    </Stack>
  );
}

function NoteTab({ chart }: { chart: Chart }): JSX.Element {
  const [text, setText] = useState(chart.note?.note?.[0]?.text ?? '');
  return (
    <Card withBorder shadow="sm">
      <Title>Fill chart note</Title>
      <Textarea value={text} onChange={(event) => setText(event.currentTarget.value)} autosize minRows={4} />
    </Card>
  );
}

function EncounterChart({ encounterId }: { encounterId: string }): JSX.Element {
  const chart = useChart(encounterId);
  const [tab, setTab] = useState('notes');
  if (!chart) return <Loading />;
  const name = chart.patient.name?.[0];
  const who = chart.practitioner?.name?.[0];
  return (
    <Stack p="md" gap="md">
      <div>
        <Text fw={800} size="lg">
          {name ? formatHumanName(name) : 'Patient'}
        </Text>
        <Text fw={500} size="xs" c="dimmed">
          {`${chart.encounter.period?.start?.slice(0, 10) ?? ''} · ${who ? formatHumanName(who) : 'Unknown Provider'}`}
        </Text>
      </div>
      <SegmentedControl
        value={tab}
        onChange={setTab}
        data={[
          { label: 'Note & Tasks', value: 'notes' },
          { label: 'Details & Billing', value: 'details' },
        ]}
        fullWidth
      />
      {tab === 'notes' && <NoteTab chart={chart} />}
      {tab === 'details' && <BillingTab chart={chart} />}
    </Stack>
  );
}

function encounterIdFromRoute(): string | undefined {
  return /\/Encounter\/([^/]+)\/chart/.exec(window.location.hash)?.[1];
}

function App(): JSX.Element {
  const [encounterId, setEncounterId] = useState(encounterIdFromRoute);
  useEffect(() => {
    const follow = (): void => setEncounterId(encounterIdFromRoute());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  if (!encounterId) {
    return (
      <Stack p="md">
        {ENCOUNTERS.map((encounter) => (
          <a key={encounter.id} href={`#/Patient/${encounter.patient.id}/Encounter/${encounter.id}/chart`}>
            {encounter.id}
          </a>
        ))}
      </Stack>
    );
  }
  return <EncounterChart key={encounterId} encounterId={encounterId} />;
}

async function start(): Promise<void> {
  const medplum = new MockClient();
  // Our ids, so the route names the encounter: the mock's own repository keeps an id it is given.
  for (const encounter of ENCOUNTERS) {
    for (const resource of resourcesOf(encounter)) await medplum.repo.createResource(resource);
  }
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <MantineProvider>
        <MedplumProvider medplum={medplum}>
          <App />
        </MedplumProvider>
      </MantineProvider>
    </StrictMode>,
  );
}

void start();
