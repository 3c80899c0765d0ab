import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applicantCatalogs } from '../i18n/applicant-messages.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import '../ui/base.css';
import './applicant.css';
import { ApplicantApp } from './ApplicantApp.tsx';
import { AppStateProvider } from './app/AppState.tsx';

const root = createRoot(document.getElementById('root') as HTMLElement);
// As a transition the first render yields to the browser every few ms instead of holding the main thread
// in one long task, which a slow phone would feel as a page that paints but does not answer.
startTransition(() =>
  root.render(
    <StrictMode>
      <I18nProvider catalogs={applicantCatalogs}>
        <AppStateProvider>
          <ApplicantApp />
        </AppStateProvider>
      </I18nProvider>
    </StrictMode>,
  ),
);
