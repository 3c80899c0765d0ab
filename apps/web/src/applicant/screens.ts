import { lazy, type ComponentType } from 'react';

/**
 * Every screen but home is loaded when first shown: the first screen of a phone on a slow network then
 * waits only for the shell and home. The service worker precaches all of them (build/
 * stamp-service-worker.ts), so after a first visit each opens at once, offline too.
 */
function screen<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

export const RegisterScreen = screen(() => import('./auth/RegisterScreen.tsx').then((m) => m.RegisterScreen));
export const VerifyScreen = screen(() => import('./auth/VerifyScreen.tsx').then((m) => m.VerifyScreen));
export const LoginScreen = screen(() => import('./auth/LoginScreen.tsx').then((m) => m.LoginScreen));
export const ForgotScreen = screen(() => import('./auth/ForgotScreen.tsx').then((m) => m.ForgotScreen));
export const AdvisorScreen = screen(() => import('./advisor/AdvisorScreen.tsx').then((m) => m.AdvisorScreen));
export const ApplyScreen = screen(() => import('./apply/ApplyScreen.tsx').then((m) => m.ApplyScreen));
export const ApplicationsScreen = screen(() =>
  import('./applications/ApplicationsScreen.tsx').then((m) => m.ApplicationsScreen),
);
export const ApplicationScreen = screen(() =>
  import('./applications/ApplicationScreen.tsx').then((m) => m.ApplicationScreen),
);
export const PassScreen = screen(() => import('./pass/PassScreen.tsx').then((m) => m.PassScreen));
export const SettingsScreen = screen(() =>
  import('./settings/SettingsScreen.tsx').then((m) => m.SettingsScreen),
);
export const UploadScreen = screen(() => import('./upload/UploadScreen.tsx').then((m) => m.UploadScreen));
export const OfficeScreen = screen(() => import('./office/OfficeScreen.tsx').then((m) => m.OfficeScreen));
export const ClaimScreen = screen(() => import('./payment/ClaimScreen.tsx').then((m) => m.ClaimScreen));
export const PaymentScreen = screen(() => import('./payment/PaymentScreen.tsx').then((m) => m.PaymentScreen));
