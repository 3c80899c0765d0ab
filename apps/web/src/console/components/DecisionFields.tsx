import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n.ts';

/**
 * A decision as officers take it: the options as radios with none chosen, then the reason, which the
 * audit keeps. `testId` prefixes each radio (`<testId>-<VALUE>`) and the reason (`<testId>-reason`).
 */
export function DecisionFields<V extends string>(props: {
  legend: MessageKey;
  options: readonly V[];
  label(value: V): string;
  value: V | null;
  onChange(value: V): void;
  reasonLabel: MessageKey;
  reason: string;
  onReason(reason: string): void;
  testId: string;
  /** Fields that belong to one choice (a date, a confirmation), between the choice and the reason. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <fieldset>
        <legend>{t(props.legend)}</legend>
        {props.options.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name={props.testId}
              required
              checked={props.value === option}
              onChange={() => props.onChange(option)}
              data-testid={`${props.testId}-${option}`}
            />
            {props.label(option)}
          </label>
        ))}
      </fieldset>
      {props.children}
      <label className="field">
        <span>{t(props.reasonLabel)}</span>
        <textarea
          rows={2}
          required
          minLength={3}
          maxLength={2000}
          value={props.reason}
          onChange={(e) => props.onReason(e.target.value)}
          data-testid={`${props.testId}-reason`}
        />
      </label>
    </>
  );
}
