import { describe, expect, it } from 'vitest';
import { EncounterSchema, type Payer } from '../../../src/engine/model';
import { mergeForeignOrigins, mergeFrames, mergePayerHints, mergeWarnings } from '../../../src/reader/merge';
import type { FrameSnapshot } from '../../../src/reader/snapshot';

const payer: Payer = { name: 'Medicare', method: 'cms', medicare: true };

function frame(partial: Partial<FrameSnapshot>): FrameSnapshot {
  return {
    url: 'https://ehr.example.org/',
    notes: [],
    charges: [],
    foreignFrameOrigins: [],
    warnings: [],
    ...partial,
  };
}

const noteFrame = frame({
  url: 'https://ehr.example.org/soap',
  notes: [
    {
      id: 'note:#soap',
      text: 'Gait training (97116): 23 min',
      source: { url: 'https://ehr.example.org/soap', label: 'SOAP' },
    },
  ],
  dateOfService: '2024-05-14',
  furnishedBy: ['PTA'],
  payerName: 'Medicare Part B',
  payerMethodHint: 'cms',
  warnings: ['A saved note field selector is not valid CSS and was skipped: ###'],
});
const feeFrame = frame({
  url: 'https://ehr.example.org/fees',
  charges: [
    {
      id: 'charge:#row1',
      code: '97116',
      units: 2,
      modifiers: ['GP'],
      status: 'unbilled',
      source: { label: 'Fee sheet' },
    },
  ],
  notes: [{ id: 'note:#soap', text: 'Reason for visit: gait', source: { label: 'Reason' } }],
  dateOfService: '2024-05-15',
  furnishedBy: ['PT'],
  foreignFrameOrigins: ['https://labs.example.com'],
});

describe('mergeFrames', () => {
  it('orders by frame id, sets frame ids and makes ids unique across frames', () => {
    const encounter = mergeFrames(
      [
        { frameId: 7, snapshot: feeFrame },
        { frameId: 3, snapshot: noteFrame },
      ],
      payer,
    );
    expect(EncounterSchema.safeParse(encounter).success).toBe(true);
    expect(encounter.notes.map((note) => [note.id, note.source.frameId])).toEqual([
      ['3:note:#soap', 3],
      ['7:note:#soap', 7],
    ]);
    expect(encounter.charges.map((line) => [line.id, line.source.frameId])).toEqual([['7:charge:#row1', 7]]);
    expect(encounter.dateOfService).toBe('2024-05-14');
    expect(encounter.furnishedBy).toEqual(['PT', 'PTA']);
    expect(encounter.payer).toBe(payer);
  });

  it('is deterministic whatever order the frames arrive in', () => {
    const a = mergeFrames(
      [
        { frameId: 0, snapshot: noteFrame },
        { frameId: 2, snapshot: feeFrame },
      ],
      payer,
    );
    const b = mergeFrames(
      [
        { frameId: 2, snapshot: feeFrame },
        { frameId: 0, snapshot: noteFrame },
      ],
      payer,
    );
    expect(a).toEqual(b);
  });

  it('leaves date and roles unset when no frame shows them', () => {
    const encounter = mergeFrames([{ frameId: 0, snapshot: frame({}) }], payer);
    expect(encounter).toEqual({ payer, notes: [], charges: [] });
  });

  it('merges warnings, payer hints and foreign origins', () => {
    const parts = [
      { frameId: 0, snapshot: noteFrame },
      { frameId: 1, snapshot: feeFrame },
      { frameId: 2, snapshot: noteFrame },
    ];
    expect(mergeWarnings(parts)).toEqual([
      'A saved note field selector is not valid CSS and was skipped: ###',
      'The frames of this page show 2 different dates of service; the first was used.',
    ]);
    expect(mergePayerHints(parts)).toEqual({ name: 'Medicare Part B', method: 'cms' });
    expect(mergeForeignOrigins(parts)).toEqual(['https://labs.example.com']);
  });
});
