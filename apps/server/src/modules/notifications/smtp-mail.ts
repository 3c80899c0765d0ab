import type { MailSender, OutgoingEmail } from './mail.port.ts';

export interface SmtpMailSenderOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465 (TLS from the start). */
  readonly url: string;
  /** The From header, e.g. `M-Paspor <no-reply@imigrasi.go.id>`. */
  readonly from: string;
  /** Per connection step; keep it under the outbox worker's lease. Defaults to 20 s. */
  readonly timeoutMs?: number;
}

export interface SmtpMailSender extends MailSender {
  /** Closes the pooled connections (on shutdown). */
  close(): void;
}

/** The domain part of Message-IDs: the id itself is the outbox row's, unique on its own. */
const MESSAGE_ID_DOMAIN = 'm-paspor';

/**
 * Adapter of the MailSender port over SMTP (nodemailer), with a small pool of kept-alive connections.
 * Nodemailer is loaded when a sender is made (SMTP_URL is set), not with this module: ~10 MB of
 * resident memory otherwise carried for nothing. Loading starts at once.
 */
export function createSmtpMailSender(options: SmtpMailSenderOptions): SmtpMailSender {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const loading = import('nodemailer').then(({ default: nodemailer }) =>
    nodemailer.createTransport(
      {
        pool: true,
        url: options.url,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      },
      { from: options.from },
    ),
  );
  // Until the first message awaits it, a failed load must not count as an unhandled rejection.
  loading.catch(() => {});
  return {
    async send(email: OutgoingEmail) {
      const transport = await loading;
      await transport.sendMail({
        to: email.to,
        subject: email.subject,
        text: email.text,
        attachments: (email.attachments ?? []).map((file) => ({
          filename: file.filename,
          contentType: file.contentType,
          content: file.content,
        })),
        // Same id on every attempt, so a re-delivery after a crash is recognisable as the same message.
        messageId: `<${email.messageId}@${MESSAGE_ID_DOMAIN}>`,
        // RFC 3834: tells vacation responders and ticket systems not to answer.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close() {
      void loading.then(
        (transport) => transport.close(),
        () => {},
      );
    },
  };
}
