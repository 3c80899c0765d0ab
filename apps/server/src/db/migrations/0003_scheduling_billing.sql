CREATE TABLE "billings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"code" text NOT NULL,
	"amount" integer NOT NULL,
	"status" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"ntpn" text,
	"ntb" text,
	"channel" text,
	"payment_id" text,
	"satker" text NOT NULL,
	CONSTRAINT "billings_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "billings_code_unique" UNIQUE("code"),
	CONSTRAINT "billings_status_valid" CHECK ("billings"."status" in ('PENDING', 'PAID', 'EXPIRED', 'CANCELLED')),
	CONSTRAINT "billings_code_format" CHECK ("billings"."code" ~ '^[0-9]{15}$')
);
--> statement-breakpoint
CREATE TABLE "payment_notifications" (
	"payment_id" text PRIMARY KEY NOT NULL,
	"billing_code" text NOT NULL,
	"amount" integer NOT NULL,
	"channel" text NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"ntpn" text NOT NULL,
	"ntb" text NOT NULL,
	"source" text NOT NULL,
	"outcome" text NOT NULL,
	"needs_attention" boolean NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	"payload" jsonb NOT NULL,
	CONSTRAINT "payment_notifications_outcome_valid" CHECK ("payment_notifications"."outcome" in ('APPLIED', 'LATE', 'AMOUNT_MISMATCH', 'ALREADY_PAID', 'BILLING_NOT_FOUND'))
);
--> statement-breakpoint
CREATE TABLE "office_capabilities" (
	"office_code" text PRIMARY KEY NOT NULL,
	"passport_kinds" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"reschedules" integer DEFAULT 0 NOT NULL,
	"booked_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "office_closures" (
	"office_code" text NOT NULL,
	"date" date NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "office_closures_office_code_date_pk" PRIMARY KEY("office_code","date")
);
--> statement-breakpoint
CREATE TABLE "office_schedules" (
	"office_code" text PRIMARY KEY NOT NULL,
	"template" jsonb NOT NULL,
	"release_rule" jsonb NOT NULL,
	"horizon_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_code" text NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"service" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"day_ends_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sessions_slot_unique" UNIQUE("office_code","date","start_time","service"),
	CONSTRAINT "sessions_booked_within_capacity" CHECK ("sessions"."booked" >= 0 and "sessions"."booked" <= "sessions"."capacity"),
	CONSTRAINT "sessions_service_valid" CHECK ("sessions"."service" in ('REGULAR', 'EXPRESS', 'PRIORITY'))
);
--> statement-breakpoint
CREATE TABLE "sim_simponi_billings" (
	"billing_code" text PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"amount" integer NOT NULL,
	"payer_name" text NOT NULL,
	"satker" text NOT NULL,
	"description" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"payment_id" text,
	"paid_at" timestamp with time zone,
	"channel" text,
	"ntpn" text,
	"ntb" text,
	CONSTRAINT "sim_simponi_billings_ntpn_unique" UNIQUE("ntpn")
);
--> statement-breakpoint
ALTER TABLE "notification_outbox" DROP CONSTRAINT "notification_outbox_status_valid";--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "topic" text;--> statement-breakpoint
ALTER TABLE "billings" ADD CONSTRAINT "billings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_capabilities" ADD CONSTRAINT "office_capabilities_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_closures" ADD CONSTRAINT "office_closures_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_schedules" ADD CONSTRAINT "office_schedules_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billings_due_idx" ON "billings" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "payment_notifications_billing_idx" ON "payment_notifications" USING btree ("billing_code");--> statement-breakpoint
CREATE INDEX "payment_notifications_attention_idx" ON "payment_notifications" USING btree ("needs_attention","received_at");--> statement-breakpoint
CREATE INDEX "bookings_session_idx" ON "bookings" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "sessions_office_day_idx" ON "sessions" USING btree ("office_code","date");--> statement-breakpoint
CREATE INDEX "notification_outbox_topic_idx" ON "notification_outbox" USING btree ("topic");--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_status_valid" CHECK ("notification_outbox"."status" in ('PENDING', 'SENT', 'FAILED', 'CANCELLED'));