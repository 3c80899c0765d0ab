export {
  createNotificationService,
  createOutboxWorker,
  retryDelayMs,
  type DeliveryCounts,
  type EnqueueRequest,
  type NotificationService,
  type NotificationServiceDeps,
  type OutboxWorker,
  type OutboxWorkerDeps,
} from './service.ts';
export type { OutboxStatus } from './repository.ts';
export {
  renderNotification,
  templateChannels,
  templateNames,
  type NotificationChannel,
  type RenderedNotification,
  type TemplateChannel,
  type TemplateName,
  type TemplateVariables,
} from './templates.ts';
export { createSmtpMailSender, type SmtpMailSender, type SmtpMailSenderOptions } from './smtp-mail.ts';
export { createHttpSmsSender, type HttpSmsSenderOptions } from './http-sms.ts';
export type { MailAttachment, MailSender, OutgoingEmail } from './mail.port.ts';
export type { OutgoingSms, SmsSender } from './sms.port.ts';
