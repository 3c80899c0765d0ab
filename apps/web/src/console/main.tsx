import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { consoleCatalogs } from '../i18n/console-messages.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import './console.css';
import { ConsoleApp } from './ConsoleApp.tsx';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider catalogs={consoleCatalogs}>
      <ConsoleApp />
    </I18nProvider>
  </StrictMode>,
);
