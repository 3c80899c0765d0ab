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
} as const;

const cases = templateNames.flatMap((template) =>
  templateChannels(template).flatMap((channel) =>
    languages.map((language) => ({ template, channel, language })),
  ),
);

describe('notification templates', () => {
  it('when listed, then cover the account messages, password-changed also as SMS', () => {
    expect([...templateNames].sort()).toEqual([
      'account.password-changed',
      'account.password-reset',
      'account.verify-email',
    ]);
    expect(templateChannels('account.password-changed')).toEqual(['EMAIL', 'SMS']);
    expect(cases).toHaveLength(8);
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

  it.each(cases.filter((c) => c.template !== 'account.password-changed'))(
    'when $template is rendered in $language, then it carries the code, its validity and the warning',
    ({ template, language }) => {
      const { code, validMinutes } = variables[template as Exclude<TemplateName, 'account.password-changed'>];
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

  it.each(cases.filter((c) => c.channel === 'EMAIL'))(
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
});
