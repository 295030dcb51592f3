/**
 * "Mark reviewed" on one finding, for the popup and the side panel: a reason, free text for "other", and
 * undo once reviewed. The in-page pill lists findings without it, so it reaches FindingList as a prop and
 * only the pages that offer it bundle it.
 */
import { useState } from 'preact/hooks';
import { ACK_REASONS, type AckReason } from './ack-store';
import { t } from '../i18n';

export interface ReviewControlProps {
  /** The reason the finding was marked reviewed with, once it was. */
  reason: AckReason | undefined;
  /** The coder's free text for that reason, kept in the view's memory only. */
  note: string | undefined;
  /** A reason (and free text) marks the finding reviewed; undefined undoes it. */
  onChange(reason: AckReason | undefined, text: string): void;
}

export function ReviewControl({ reason, note, onChange }: ReviewControlProps) {
  const [choice, setChoice] = useState<AckReason>('chart');
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  if (reason)
    return (
      <p class="gg-acked">
        {t('reviewedAs', t(ACK_REASONS[reason]))}
        {note ? ` (${note})` : ''}{' '}
        <button type="button" class="gg-link gg-undo" onClick={() => onChange(undefined, '')}>
          {t('undo')}
        </button>
      </p>
    );
  if (!open)
    return (
      <button type="button" class="gg-link gg-ack-open" onClick={() => setOpen(true)}>
        {t('markReviewedOpen')}
      </button>
    );
  return (
    <span class="gg-ack">
      <select
        aria-label={t('ackReasonLabel')}
        value={choice}
        onChange={(event) => setChoice((event.currentTarget as HTMLSelectElement).value as AckReason)}
      >
        {(Object.keys(ACK_REASONS) as AckReason[]).map((key) => (
          <option key={key} value={key}>
            {t(ACK_REASONS[key])}
          </option>
        ))}
      </select>
      {choice === 'other' && (
        <input
          type="text"
          aria-label={t('ackReasonOwnWords')}
          maxLength={120}
          value={text}
          onInput={(event) => setText((event.currentTarget as HTMLInputElement).value)}
        />
      )}
      <button type="button" class="gg-button gg-ack-confirm" onClick={() => onChange(choice, text.trim())}>
        {t('markReviewed')}
      </button>
    </span>
  );
}
