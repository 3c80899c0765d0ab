import { languages } from '#shared/i18n.ts';
import { describe, expect, it } from 'vitest';
import {
  renderNotification,
  renderTemplate,
  templateChannels,
  templateNames,
  type TemplateName,
} from './templates.ts';

const variables = {
  'account.verify-email': { fullName: 'Siti Nurhaliza', code: '482913', validMinutes: 15 },
  'account.password-reset': { fullName: 'Siti Nurhaliza', code: '075316', validMinutes: 30 },
  'account.password-changed': { fullName: 'Siti Nurhaliza' },
  'application.billing-issued': {
    fullName: 'Siti Nurhaliza',
    applicationNumber: 'MP2026-00000042',
    billingCode: '812345678901234',
    amount: 'Rp650.000',
    deadline: '25 Nov 2026 12.00 WIB',
    appointment: 'Rabu, 2 Desember 2026, 09:00 WIB, Kantor Imigrasi Kelas I TPI Bandung',
    claimLink: 'https://m-paspor.example/#/claim/x',
  },
  'application.payment-reminder': {
    billingCode: '812345678901234',
    amount: 'Rp650.000',
    deadline: '12.00 WIB',
  },
  'application.payment-received': {
    fullName: 'Siti Nurhaliza',
    applicationNumber: 'MP2026-00000042',
    amount: 'Rp650.000',
    ntpn: 'A1B2C3D4E5F6G7H8',
    channel: 'Indomaret',
    appointment: 'Rabu, 2 Desember 2026, 09:00 WIB',
  },
  'application.booked-free': {
    fullName: 'Siti Nurhaliza',
    applicationNumber: 'MP2026-00000042',
    basis: 'tarif Rp0 bagi Pekerja Migran Indonesia pertama kali (Permenkumham 9/2020)',
    appointment: 'Rabu, 2 Desember 2026, 09:00 WIB',
  },
  'application.expired': {
    fullName: 'Siti Nurhaliza',
    applicationNumber: 'MP2026-00000042',
    claimLink: 'https://m-paspor.example/#/claim/x',
  },
  'application.deadline-extended': {
    fullName: 'Siti Nurhaliza',
    applicationNumber: 'MP2026-00000042',
    billingCode: '820261125000017',
    minutes: '40',
    deadline: '2 Des 2026 13.40 WIB',
  },
  'consent.code': {
    requesterName: 'Budi Santoso',
    applicationNumber: 'MP2026-00000042',
    code: '123456',
    validMinutes: 15,
  },
  'waitlist.offer': {
    fullName: 'Siti Nurhaliza',
    applicationNumber: 'MP2026-00000042',
    appointment: 'Kamis, 3 Desember 2026, 10:00 WIB',
    holdUntil: '2 Des 2026 13.30 WIB',
    link: 'https://m-paspor.example/#/applications/x',
  },
  'application.rescheduled': {
    fullName: 'Siti Nurhaliza',
    applicationNumber: 'MP2026-00000042',
    appointment: 'Kamis, 3 Desember 2026, 10:00 WIB',
  },
  'application.ready': {
    fullName: 'Siti Nurhaliza',
    applicationNumber: 'MP2026-00000042',
    readyDate: '2026-12-07',
    officeName: 'Kantor Imigrasi Kelas I Khusus TPI Jakarta Selatan',
    pickUpBy: '2027-01-06',
  },
  'application.visit-reminder': {
    fullName: 'Siti Nurhaliza',
    applicationNumber: 'MP2026-00000042',
    // The longest name in the office directory (54 characters): the SMS must still fit.
    officeName: 'Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan',
    officeAddress: 'Jl. Warung Buncit Raya No. 207, Jakarta Selatan',
    date: 'Kamis, 3 Desember 2026',
    time: '10:00-11:00 WIB',
    documents: '- KTP elektronik\n- Kartu Keluarga',
    link: 'https://m-paspor.example/#/applications/x',
  },
  'application.no-show': {
    fullName: 'Siti Nurhaliza',
    applicationNumber: 'MP2026-00000042',
    appointment: 'Kamis, 3 Desember 2026, 10:00 WIB',
    amount: 'Rp650.000',
  },
  'application.pick-up-reminder': {
    fullName: 'Siti Nurhaliza',
    applicationNumber: 'MP2026-00000042',
    officeName: 'Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan',
    officeAddress: 'Jl. Warung Buncit Raya No. 207, Jakarta Selatan',
    pickUpBy: '16 Jan 2027',
    daysLeft: '23',
  },
  'application.decided': {
    fullName: 'Siti Nurhaliza',
    applicationNumber: 'MP2026-00000042',
    outcome: 'ditolak. Alasan: data tidak sesuai',
  },
} as const satisfies { [T in TemplateName]: unknown };

const cases = templateNames.flatMap((template) =>
  templateChannels(template).flatMap((channel) =>
    languages.map((language) => ({ template, channel, language })),
  ),
);

describe('notification templates', () => {
  it('when listed, then cover the account and application messages, some also as SMS', () => {
    expect([...templateNames].sort()).toEqual([
      'account.password-changed',
      'account.password-reset',
      'account.verify-email',
      'application.billing-issued',
      'application.booked-free',
      'application.deadline-extended',
      'application.decided',
      'application.expired',
      'application.no-show',
      'application.payment-received',
      'application.payment-reminder',
      'application.pick-up-reminder',
      'application.ready',
      'application.rescheduled',
      'application.visit-reminder',
      'consent.code',
      'waitlist.offer',
    ]);
    expect(templateChannels('account.password-changed')).toEqual(['EMAIL', 'SMS']);
    expect(templateChannels('application.payment-reminder')).toEqual(['EMAIL', 'SMS']);
    expect(templateChannels('application.ready')).toEqual(['EMAIL', 'SMS']);
    expect(templateChannels('waitlist.offer')).toEqual(['EMAIL', 'SMS']);
    expect(templateChannels('consent.code')).toEqual(['EMAIL', 'SMS']);
    expect(templateChannels('application.visit-reminder')).toEqual(['EMAIL', 'SMS']);
    expect(templateChannels('application.pick-up-reminder')).toEqual(['EMAIL', 'SMS']);
    expect(cases).toHaveLength(48);
  });

  it.each(cases)(
    'when $template is rendered as $channel in $language, then no placeholder is left',
    ({ template, channel, language }) => {
      const rendered = renderTemplate(template, channel, language, variables[template]);
      expect(rendered.body).not.toMatch(/\{\{|\}\}/);
      expect(rendered.subject ?? '').not.toMatch(/\{\{|\}\}/);
      expect(rendered.body.trim()).not.toBe('');
    },
  );

  const codeTemplates = ['account.verify-email', 'account.password-reset'] as const;
  it.each(cases.filter((c) => (codeTemplates as readonly string[]).includes(c.template)))(
    'when $template is rendered in $language, then it carries the code, its validity and the warning',
    ({ template, language }) => {
      const { code, validMinutes } = variables[template as (typeof codeTemplates)[number]];
      const { subject, body } = renderNotification(template, language, variables[template]);
      expect(body).toContain(`    ${code}\n`);
      expect(body).toContain(
        language === 'id' ? `berlaku selama ${validMinutes} menit` : `valid for ${validMinutes} minutes`,
      );
      expect(body).toMatch(language === 'id' ? /Jangan berikan kode ini/ : /Never share this code/);
      expect(body).toMatch(language === 'id' ? /Petugas Imigrasi tidak pernah/ : /officers will never ask/);
      expect(subject).not.toContain(code);
    },
  );

  it.each(cases.filter((c) => c.channel === 'EMAIL' && c.template.startsWith('account.')))(
    'when the $template e-mail is rendered in $language, then it greets by name under a short subject',
    ({ template, language }) => {
      const { subject, body } = renderNotification(template, language, variables[template]);
      expect(body.startsWith(`${language === 'id' ? 'Halo' : 'Hello'} Siti Nurhaliza,\n`)).toBe(true);
      expect(subject).toMatch(/M-Paspor/);
      expect(subject?.length).toBeLessThanOrEqual(50);
      expect(body).toContain('M-Paspor\n');
    },
  );

  it.each(languages)(
    'when the password-changed SMS is rendered in %s, then it fits one plain segment',
    (language) => {
      const { subject, body } = renderNotification(
        'account.password-changed',
        language,
        variables['account.password-changed'],
        'SMS',
      );
      expect(subject).toBeNull();
      expect(body.length).toBeLessThanOrEqual(160);
      expect(body).toMatch(/^[\x20-\x7e]+$/);
    },
  );

  it('when the same template is rendered in both languages, then the texts differ', () => {
    const id = renderNotification('account.verify-email', 'id', variables['account.verify-email']);
    const en = renderNotification('account.verify-email', 'en', variables['account.verify-email']);
    expect(id.subject).not.toBe(en.subject);
    expect(id.body).not.toBe(en.body);
  });

  it('when a name contains a placeholder, then it stays literal text', () => {
    const { body } = renderNotification('account.verify-email', 'id', {
      fullName: '{{code}}',
      code: '123456',
      validMinutes: 10,
    });
    expect(body).toContain('Halo {{code}},');
    expect(body.match(/123456/g)).toHaveLength(1);
  });

  it('when a variable is missing or the channel does not exist, then rendering refuses', () => {
    expect(() => renderTemplate('account.verify-email', 'EMAIL', 'en', { fullName: 'A', code: '1' })).toThrow(
      /validMinutes/,
    );
    expect(() =>
      renderTemplate('account.verify-email', 'SMS', 'en', variables['account.verify-email']),
    ).toThrow(/no SMS form/);
  });

  it.each(languages)(
    'when the billing code is sent in %s, then it carries code, amount, deadline and appointment',
    (language) => {
      const { subject, body } = renderNotification(
        'application.billing-issued',
        language,
        variables['application.billing-issued'],
      );
      for (const part of [
        '812345678901234',
        'Rp650.000',
        '25 Nov 2026 12.00 WIB',
        'Kantor Imigrasi Kelas I TPI Bandung',
      ]) {
        expect(body).toContain(part);
      }
      expect(subject).toContain('MP2026-00000042');
    },
  );

  it.each(languages)('when the reminder goes by SMS in %s, then it fits one segment', (language) => {
    const sms = renderTemplate(
      'application.payment-reminder',
      'SMS',
      language,
      variables['application.payment-reminder'],
    );
    expect(sms.body.length).toBeLessThanOrEqual(160);
    expect(sms.body).toContain('812345678901234');
  });

  it('when the payment receipt is sent, then it names the NTPN the applicant needs at pick-up', () => {
    const { body } = renderNotification(
      'application.payment-received',
      'id',
      variables['application.payment-received'],
    );
    expect(body).toContain('NTPN: A1B2C3D4E5F6G7H8');
  });

  const reminderSms = ['application.visit-reminder', 'application.pick-up-reminder'] as const;
  it.each(
    cases.filter((c) => c.channel === 'SMS' && (reminderSms as readonly string[]).includes(c.template)),
  )(
    'when $template goes by SMS in $language with a long office name, then it fits one plain segment',
    ({ template, language }) => {
      const { body } = renderTemplate(template, 'SMS', language, variables[template]);
      expect(body.length).toBeLessThanOrEqual(160);
      expect(body).toMatch(/^[\x20-\x7e]+$/);
      expect(body).toContain('MP2026-00000042');
    },
  );

  it.each(languages)(
    'when the visit reminder is rendered in %s, then it names office, address, day, time and what to bring',
    (language) => {
      const facts = variables['application.visit-reminder'];
      const { subject, body } = renderNotification('application.visit-reminder', language, facts);
      for (const part of [facts.officeName, facts.officeAddress, facts.date, facts.link, '- KTP elektronik'])
        expect(body).toContain(part);
      expect(subject).toContain(facts.time);
      expect(body).toMatch(language === 'id' ? /Kode QR kedatangan/ : /arrival QR code/);
    },
  );

  it.each(languages)(
    'when the no-show notice is rendered in %s, then it says the fee is forfeited',
    (language) => {
      const { body } = renderNotification('application.no-show', language, variables['application.no-show']);
      expect(body).toMatch(language === 'id' ? /hangus/ : /forfeited/);
      expect(body).toMatch(language === 'id' ? /ajukan permohonan baru/ : /apply again/);
      expect(body).toContain('Rp650.000');
    },
  );
});
