import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applicantCatalogs } from '../i18n/applicant-messages.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import '../ui/base.css';
import './applicant.css';
import { ApplicantApp } from './ApplicantApp.tsx';
import { AppStateProvider } from './app/AppState.tsx';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider catalogs={applicantCatalogs}>
      <AppStateProvider>
        <ApplicantApp />
      </AppStateProvider>
    </I18nProvider>
  </StrictMode>,
);
