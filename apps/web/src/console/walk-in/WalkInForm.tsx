import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import { priorityGroups, walkInLaneCodes } from '#shared/contracts/walk-ins.ts';
import { passportProductCodes } from '#shared/contracts/applications.ts';
import { replacementReasons } from '#shared/document-requirements.ts';
import { useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { useAction } from '../actions/useAction.ts';
import { useApi } from '../app/useApi.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n, type MessageKey } from '../i18n.ts';
import { productLabel } from '../labels.ts';
import { emptyWalkIn, missingChoices, walkInBody, type WalkInDraft } from './draft.ts';

/**
 * The person at the desk: lane, the officer's reason, a contact for the billing code, and the biodata
 * Dukcapil will check. Nothing is preselected; the button names what is still to choose.
 */
export function WalkInForm(props: { onFiled(application: OfficerApplicationView): void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [draft, setDraft] = useState<WalkInDraft>(emptyWalkIn);
  const set = <K extends keyof WalkInDraft>(key: K, value: WalkInDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const missing = missingChoices(draft);

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = walkInBody(draft);
    if (!body) return;
    void action.run(async () => {
      const filed = await api.send<OfficerApplicationView>('POST', '/walk-ins', body);
      if (filed) props.onFiled(filed);
    });
  }

  const text = (key: TextKey, label: MessageKey, extra: InputExtra = {}) => (
    <label className="field">
      <span>{t(label)}</span>
      <input
        required
        value={draft[key]}
        onChange={(e) => set(key, e.target.value)}
        data-testid={`walk-in-${key}`}
        {...extra}
      />
    </label>
  );

  return (
    <form onSubmit={submit} className="card" data-testid="walk-in-form" aria-labelledby="walk-in-form-title">
      <h3 id="walk-in-form-title">{t('console.walkIn.formTitle')}</h3>
      <Choices legend="console.walkIn.lane">
        {walkInLaneCodes.map((lane) => (
          <Radio
            key={lane}
            name="lane"
            checked={draft.lane === lane}
            onPick={() => set('lane', lane)}
            id={lane}
          >
            {t(`console.walkIn.lane.${lane}`)}
          </Radio>
        ))}
      </Choices>
      {draft.lane === 'PRIORITY' ? (
        <Choices legend="console.walkIn.priorityGroup">
          {priorityGroups.map((group) => (
            <Radio
              key={group}
              name="group"
              checked={draft.priorityGroup === group}
              onPick={() => set('priorityGroup', group)}
              id={group}
            >
              {t(`console.walkIn.group.${group}`)}
            </Radio>
          ))}
        </Choices>
      ) : null}
      {text('reason', 'console.walkIn.reason', { minLength: 3, maxLength: 500 })}
      <div className="inline-fields">
        {text('email', 'console.walkIn.email', { type: 'email', maxLength: 254 })}
        {text('phone', 'console.walkIn.phone', { type: 'tel', minLength: 8, maxLength: 20 })}
      </div>
      <fieldset>
        <legend>{t('console.walkIn.person')}</legend>
        {text('nik', 'console.walkIn.nik', { inputMode: 'numeric', pattern: '\\d{16}', maxLength: 16 })}
        {text('fullName', 'console.walkIn.fullName', { maxLength: 100 })}
        <div className="inline-fields">
          {text('placeOfBirth', 'console.walkIn.placeOfBirth', { maxLength: 100 })}
          {text('dateOfBirth', 'console.walkIn.dateOfBirth', { type: 'date' })}
        </div>
        <Choices legend="console.walkIn.sex">
          <Radio name="sex" checked={draft.sex === 'M'} onPick={() => set('sex', 'M')} id="M">
            {t('console.walkIn.sex.M')}
          </Radio>
          <Radio name="sex" checked={draft.sex === 'F'} onPick={() => set('sex', 'F')} id="F">
            {t('console.walkIn.sex.F')}
          </Radio>
        </Choices>
      </fieldset>
      <Choices legend="console.walkIn.type">
        <Radio name="type" checked={draft.type === 'NEW'} onPick={() => set('type', 'NEW')} id="NEW">
          {t('console.type.NEW')}
        </Radio>
        <Radio
          name="type"
          checked={draft.type === 'REPLACEMENT'}
          onPick={() => set('type', 'REPLACEMENT')}
          id="REPLACEMENT"
        >
          {t('console.type.REPLACEMENT')}
        </Radio>
      </Choices>
      {draft.type === 'REPLACEMENT' ? (
        <div className="inline-fields">
          <label className="field">
            <span>{t('console.walkIn.replacementReason')}</span>
            <select
              required
              value={draft.replacementReason ?? ''}
              onChange={(e) =>
                set('replacementReason', (e.target.value || null) as WalkInDraft['replacementReason'])
              }
              data-testid="walk-in-replacementReason"
            >
              <option value="">{t('console.walkIn.choose')}</option>
              {replacementReasons.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`console.walkIn.reason.${reason}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('console.walkIn.previousPassport')}</span>
            <input
              value={draft.previousPassportNumber}
              maxLength={12}
              onChange={(e) => set('previousPassportNumber', e.target.value)}
              data-testid="walk-in-previousPassportNumber"
            />
          </label>
        </div>
      ) : null}
      <label className="field">
        <span>{t('console.walkIn.product')}</span>
        <select
          required
          value={draft.product ?? ''}
          onChange={(e) => set('product', (e.target.value || null) as WalkInDraft['product'])}
          data-testid="walk-in-product"
        >
          <option value="">{t('console.walkIn.choose')}</option>
          {passportProductCodes.map((code) => (
            <option key={code} value={code}>
              {productLabel(code, t)}
            </option>
          ))}
        </select>
      </label>
      <ErrorAlert error={action.error} testId="walk-in-error" />
      {missing.length > 0 ? (
        <p className="hint" id="walk-in-missing" data-testid="walk-in-missing">
          {t('console.walkIn.stillToChoose')}:{' '}
          {missing.map((m) => t(`console.walkIn.missing.${m}`)).join(', ')}
        </p>
      ) : null}
      <button
        type="submit"
        className="primary"
        disabled={action.busy || missing.length > 0}
        aria-describedby={missing.length > 0 ? 'walk-in-missing' : undefined}
        data-testid="walk-in-create"
      >
        {t('console.walkIn.create')}
      </button>
    </form>
  );
}

type TextKey = 'reason' | 'email' | 'phone' | 'nik' | 'fullName' | 'placeOfBirth' | 'dateOfBirth';
type InputExtra = Partial<
  Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'minLength' | 'maxLength' | 'pattern' | 'inputMode'>
>;

function Choices(props: { legend: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t(props.legend)}</legend>
      <div className="inline-choices">{props.children}</div>
    </fieldset>
  );
}

function Radio(props: { name: string; id: string; checked: boolean; onPick(): void; children: ReactNode }) {
  return (
    <label className="choice">
      <input
        type="radio"
        name={`walk-in-${props.name}`}
        required
        checked={props.checked}
        onChange={props.onPick}
        data-testid={`walk-in-${props.name}-${props.id}`}
      />
      {props.children}
    </label>
  );
}
