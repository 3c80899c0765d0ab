CREATE TABLE "booking_refusals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"account_id" uuid NOT NULL,
	"application_id" uuid,
	"applicant_nik" text,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nik_consents" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"holder_nik" text NOT NULL,
	"channel" text NOT NULL,
	"destination" text NOT NULL,
	"code_hash" text NOT NULL,
	"code_expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"consented_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "nik_consents" ADD CONSTRAINT "nik_consents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_refusals_account_idx" ON "booking_refusals" USING btree ("account_id","at");--> statement-breakpoint
CREATE INDEX "nik_consents_account_idx" ON "nik_consents" USING btree ("account_id","consented_at");