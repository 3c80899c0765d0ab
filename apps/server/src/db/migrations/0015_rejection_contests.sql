CREATE TABLE "rejection_contests" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"rejected_from" text NOT NULL,
	"rejected_by" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decision_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "rejection_contests_from_valid" CHECK ("rejection_contests"."rejected_from" in ('CHECKED_IN', 'VERIFIED', 'INTERVIEWED')),
	CONSTRAINT "rejection_contests_decision_valid" CHECK ("rejection_contests"."decision" is null or "rejection_contests"."decision" in ('UPHOLD', 'OVERTURN'))
);
--> statement-breakpoint
ALTER TABLE "rejection_contests" ADD CONSTRAINT "rejection_contests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;