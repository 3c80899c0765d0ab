export {
  createNotificationService,
  type EnqueueRequest,
  type NotificationService,
  type NotificationServiceDeps,
} from './service.ts';
export {
  createOutboxWorker,
  retryDelayMs,
  type DeliveryCounts,
  type OutboxWorker,
  type OutboxWorkerDeps,
} from './outbox-worker.ts';
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
