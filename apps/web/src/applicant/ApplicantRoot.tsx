import { StrictMode } from 'react';
import { applicantCatalogs } from '../i18n/applicant-messages.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import { ApplicantApp } from './ApplicantApp.tsx';
import { AppStateProvider } from './app/AppState.tsx';

/** The whole applicant app: drawn in the browser (main.tsx), and its first screen at build time (prerender.tsx). */
export function ApplicantRoot() {
  return (
    <StrictMode>
      <I18nProvider catalogs={applicantCatalogs}>
        <AppStateProvider>
          <ApplicantApp />
        </AppStateProvider>
      </I18nProvider>
    </StrictMode>
  );
}
