CREATE TABLE "application_reminders" (
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occasion" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "application_reminders_application_id_kind_occasion_pk" PRIMARY KEY("application_id","kind","occasion"),
	CONSTRAINT "application_reminders_kind_valid" CHECK ("application_reminders"."kind" in ('VISIT_EVE', 'PICK_UP'))
);
--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "sim_mailbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "application_reminders" ADD CONSTRAINT "application_reminders_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_ready_idx" ON "applications" USING btree ("ready_date") WHERE "applications"."status" = 'READY';