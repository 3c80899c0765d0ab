import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useT } from '../app/useT.ts';

/** A labelled input with its hint and its error, tied together for screen readers. */
export function Field(
  props: { label: string; hint?: string; error?: string | undefined } & InputHTMLAttributes<HTMLInputElement>,
) {
  const { label, hint, error, ...input } = props;
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A radio group as large tappable rows; `note` under an option explains its consequence. */
export function Choice<V extends string>(props: {
  legend: string;
  name: string;
  value: V | null;
  options: readonly { value: NoInfer<V>; label: string; note?: string | undefined; disabled?: boolean }[];
  onChange(value: NoInfer<V>): void;
  testId?: string;
}) {
  return (
    <fieldset className="choice">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} className={`choice-row${option.disabled ? ' choice-row--disabled' : ''}`}>
          <input
            type="radio"
            name={props.name}
            value={option.value}
            checked={props.value === option.value}
            disabled={option.disabled}
            data-testid={props.testId ? `${props.testId}-${option.value}` : undefined}
            onChange={() => props.onChange(option.value)}
          />
          <span>
            {option.label}
            {option.note && <small className="choice-note">{option.note}</small>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** What went wrong, in words: the server's own message in the user's language, or ours. */
export function ErrorText({ error }: { error: unknown }) {
  const { t } = useT();
  if (!error) return null;
  const text =
    error instanceof ApiError
      ? error.status === 0
        ? t('common.error.network')
        : error.message || t('common.error.unexpected')
      : t('common.error.unexpected');
  return (
    <p className="alert" role="alert" data-testid="error" tabIndex={-1}>
      {text}
    </p>
  );
}

export function Screen(props: { title: string; intro?: string | undefined; children: ReactNode }) {
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {props.title}
      </h1>
      {props.intro && <p className="intro">{props.intro}</p>}
      {props.children}
    </section>
  );
}

/** Field errors of a 422 by path (`applicant.dateOfBirth` → `dateOfBirth`). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.fieldErrors.map((e) => [e.path.split('.').pop() ?? e.path, e.message]));
}
