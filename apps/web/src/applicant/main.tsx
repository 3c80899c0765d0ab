import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/i18n.tsx';
import '../ui/base.css';
import { ApplicantApp } from './ApplicantApp.tsx';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider>
      <ApplicantApp />
    </I18nProvider>
  </StrictMode>,
);
