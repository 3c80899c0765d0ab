import { documentKinds, requiredDocuments } from '#shared/document-requirements.ts';
import { rupiah } from '../app/format.ts';
import { useT } from '../app/useT.ts';
import { feeLines, laterFine, type Choices } from './choices.ts';
import { useFees } from './useFees.ts';

/** The fee as it changes with the choices, and the documents they call for. */
export function Summary({ choices, adult }: { choices: Choices; adult: boolean }) {
  const { t, language } = useT();
  const fees = useFees();
  const lines = feeLines(choices, fees.amounts);
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  const fine = laterFine(choices, fees.amounts);
  const documents = requiredDocuments({
    adult,
    type: choices.type,
    replacementReason: choices.replacementReason,
    naturalised: choices.naturalised,
    nameChanged: choices.nameChanged,
  });
  return (
    <>
      <section className="card" aria-labelledby="fee-title" aria-live="polite">
        <h2 id="fee-title">{t('fee.title')}</h2>
        <dl className="fee-lines">
          {lines.map((line) => (
            <div key={line.code}>
              <dt>{line.code.includes('_') ? t('fee.passport') : t(`fee.${line.code as 'EXPRESS'}`)}</dt>
              <dd>{rupiah(line.amount, language)}</dd>
            </div>
          ))}
          <div className="fee-total">
            <dt>{t('fee.total')}</dt>
            <dd data-testid="fee-total">{rupiah(total, language)}</dd>
          </div>
        </dl>
        {fine && (
          <p className="hint" data-testid="fee-fine-later">
            {t('fee.fineLater', {
              charge: t(`fee.${fine.code as 'FINE_LOST'}`),
              amount: rupiah(fine.amount, language),
            })}
          </p>
        )}
        {fees.legalBasis && (
          <p className="hint">
            {t('fee.legalBasis')}: {fees.legalBasis}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="docs-title">
        <h2 id="docs-title">{t('advisor.documents')}</h2>
        <ul className="documents">
          {documents.map((kind) => (
            <li key={kind}>
              <strong>{documentKinds[kind].label[language]}</strong>
              <br />
              <small>{documentKinds[kind].hint[language]}</small>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
