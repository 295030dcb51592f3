import { describe, expect, it } from 'vitest';
import { dropFrame, knowsTab, putFrame } from '../../../src/background/tab-reports';
import type { FrameSnapshot } from '../../../src/reader/snapshot';

const snapshot = (url: string): FrameSnapshot => ({
  url,
  notes: [],
  charges: [],
  foreignFrameOrigins: [],
  warnings: [],
});

describe('the tab picture in the worker', () => {
  it('ends when the top frame leaves', () => {
    putFrame(1, 0, 'https://emr.example.org', snapshot('https://emr.example.org/enc'));
    putFrame(1, 4, 'https://emr.example.org', snapshot('https://emr.example.org/fees'));
    dropFrame(1, 0);
    expect(knowsTab(1)).toBe(false);
  });

  it('is not kept alive by a child frame whose last snapshot landed after the top frame left', () => {
    putFrame(2, 0, 'https://emr.example.org', snapshot('https://emr.example.org/enc'));
    dropFrame(2, 0);
    putFrame(2, 7, 'https://emr.example.org', snapshot('https://emr.example.org/fees'));
    dropFrame(2, 7);
    expect(knowsTab(2)).toBe(false);
  });

  it('keeps the tab while other frames remain', () => {
    putFrame(3, 0, 'https://emr.example.org', snapshot('https://emr.example.org/enc'));
    putFrame(3, 5, 'https://emr.example.org', snapshot('https://emr.example.org/fees'));
    dropFrame(3, 5);
    expect(knowsTab(3)).toBe(true);
  });
});
