import { useId, useState } from 'react';
import { useT } from '../app/useT.ts';

/** A step that cannot be undone (a place in the line, a held seat) asks once more before it runs. */
export function ConfirmStep(props: {
  label: string;
  question: string;
  yes: string;
  busy: boolean;
  testId: string;
  onConfirm(): void;
}) {
  const { t } = useT();
  const questionId = useId();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="secondary" data-testid={props.testId} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  return (
    <div role="alertdialog" aria-labelledby={questionId}>
      <p id={questionId}>{props.question}</p>
      <div className="button-row">
        <button
          type="button"
          className="danger"
          disabled={props.busy}
          data-testid={`${props.testId}-confirm`}
          onClick={props.onConfirm}
        >
          {props.yes}
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          {t('common.back')}
        </button>
      </div>
    </div>
  );
}
