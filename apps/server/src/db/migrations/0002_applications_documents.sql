CREATE SEQUENCE "public"."application_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "application_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"account_id" uuid NOT NULL,
	"status" text NOT NULL,
	"type" text NOT NULL,
	"replacement_reason" text,
	"service" text NOT NULL,
	"product" text NOT NULL,
	"applicant_nik" text NOT NULL,
	"applicant_full_name" text NOT NULL,
	"applicant_date_of_birth" date NOT NULL,
	"applicant_place_of_birth" text NOT NULL,
	"applicant_sex" text NOT NULL,
	"applicant_married" boolean NOT NULL,
	"circumstances" jsonb NOT NULL,
	"previous_passport" jsonb,
	"travel_purpose" text,
	"required_documents" text[] NOT NULL,
	"fee" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "applications_number_unique" UNIQUE("number"),
	CONSTRAINT "applications_type_valid" CHECK ("applications"."type" in ('NEW', 'REPLACEMENT')),
	CONSTRAINT "applications_service_valid" CHECK ("applications"."service" in ('REGULAR', 'EXPRESS'))
);
--> statement-breakpoint
CREATE TABLE "document_scans" (
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"storage_key" text NOT NULL,
	"encryption_key_id" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "document_scans_application_id_kind_pk" PRIMARY KEY("application_id","kind"),
	CONSTRAINT "document_scans_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "travel_documents" (
	"number" text PRIMARY KEY NOT NULL,
	"holder_nik" text NOT NULL,
	"holder_name" text NOT NULL,
	"kind" text NOT NULL,
	"issue_date" date NOT NULL,
	"expiry_date" date NOT NULL,
	"issuing_office_code" text NOT NULL,
	"status" text NOT NULL,
	"replaced_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "travel_documents_kind_valid" CHECK ("travel_documents"."kind" in ('NON_ELECTRONIC', 'ELECTRONIC', 'POLYCARBONATE')),
	CONSTRAINT "travel_documents_status_valid" CHECK ("travel_documents"."status" in ('VALID', 'LOST', 'DAMAGED', 'CANCELLED', 'REPLACED'))
);
--> statement-breakpoint
ALTER TABLE "application_history" ADD CONSTRAINT "application_history_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_scans" ADD CONSTRAINT "document_scans_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_documents" ADD CONSTRAINT "travel_documents_issuing_office_code_offices_code_fk" FOREIGN KEY ("issuing_office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_history_application_idx" ON "application_history" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "applications_account_idx" ON "applications" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_active_nik_unique" ON "applications" USING btree ("applicant_nik") WHERE status in ('DRAFT','AWAITING_PAYMENT','PAID','CHECKED_IN','VERIFIED','INTERVIEWED','APPROVED','READY');--> statement-breakpoint
CREATE INDEX "travel_documents_holder_idx" ON "travel_documents" USING btree ("holder_nik");