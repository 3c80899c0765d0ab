CREATE TABLE "loss_reports" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"circumstances" text NOT NULL,
	"occurred_on" date,
	"place" text,
	"police_report_number" text,
	"force_majeure_claimed" boolean NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decision_reason" text,
	"force_majeure_confirmed" boolean,
	"deferred_until" date,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"fine_code" text,
	"fine_amount" integer,
	"fine_expires_at" timestamp with time zone,
	"fine_paid_at" timestamp with time zone,
	"fine_ntpn" text,
	CONSTRAINT "loss_reports_fine_code_unique" UNIQUE("fine_code"),
	CONSTRAINT "loss_reports_kind_valid" CHECK ("loss_reports"."kind" in ('LOST', 'DAMAGED')),
	CONSTRAINT "loss_reports_decision_valid" CHECK ("loss_reports"."decision" is null or "loss_reports"."decision" in ('ISSUE', 'DEFER', 'REFUSE'))
);
--> statement-breakpoint
ALTER TABLE "loss_reports" ADD CONSTRAINT "loss_reports_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;