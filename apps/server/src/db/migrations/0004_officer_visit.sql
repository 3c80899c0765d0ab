CREATE SEQUENCE "public"."passport_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "application_visits" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"office_code" text NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"checked_in_by" text NOT NULL,
	"verification" jsonb,
	"documents_due_by" date,
	"photo" jsonb,
	"fingerprints_at" timestamp with time zone,
	"interview" jsonb,
	"adjudication" jsonb,
	"handed_over_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"officer_id" uuid NOT NULL,
	"officer_username" text NOT NULL,
	"office_code" text,
	"action" text NOT NULL,
	"application_id" uuid,
	"request_id" text NOT NULL,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officer_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"officer_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"idle_expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "officer_sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "ready_date" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "passport" jsonb;--> statement-breakpoint
ALTER TABLE "officers" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "application_visits" ADD CONSTRAINT "application_visits_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_sessions" ADD CONSTRAINT "officer_sessions_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_application_idx" ON "audit_log" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "audit_log_officer_idx" ON "audit_log" USING btree ("officer_username","at");--> statement-breakpoint
CREATE INDEX "officer_sessions_officer_idx" ON "officer_sessions" USING btree ("officer_id");--> statement-breakpoint
-- The audit log is append-only for every role the application connects as (issue 8): no UPDATE,
-- DELETE or TRUNCATE. Only a superuser dropping the trigger could change it, and that is itself visible.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
