CREATE TABLE "waitlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"office_code" text NOT NULL,
	"radius_km" integer NOT NULL,
	"office_codes" text[] NOT NULL,
	"date_from" date NOT NULL,
	"date_to" date NOT NULL,
	"pools" text[] NOT NULL,
	"behind" boolean NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "waitlist_entries_status_valid" CHECK ("waitlist_entries"."status" in ('WAITING', 'OFFERED', 'BOOKED', 'DECLINED', 'LAPSED', 'LEFT'))
);
--> statement-breakpoint
CREATE TABLE "waitlist_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"offered_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"closed_at" timestamp with time zone,
	"announced_at" timestamp with time zone,
	CONSTRAINT "waitlist_offers_status_valid" CHECK ("waitlist_offers"."status" in ('OPEN', 'ACCEPTED', 'DECLINED', 'LAPSED', 'WITHDRAWN'))
);
--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_entry_id_waitlist_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."waitlist_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_entries_active_unique" ON "waitlist_entries" USING btree ("application_id") WHERE "waitlist_entries"."status" in ('WAITING', 'OFFERED');--> statement-breakpoint
CREATE INDEX "waitlist_entries_queue_idx" ON "waitlist_entries" USING btree ("behind","joined_at") WHERE "waitlist_entries"."status" = 'WAITING';--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_open_unique" ON "waitlist_offers" USING btree ("entry_id") WHERE "waitlist_offers"."status" = 'OPEN';--> statement-breakpoint
CREATE INDEX "waitlist_offers_open_expiry_idx" ON "waitlist_offers" USING btree ("expires_at") WHERE "waitlist_offers"."status" = 'OPEN';--> statement-breakpoint
CREATE INDEX "waitlist_offers_unannounced_idx" ON "waitlist_offers" USING btree ("offered_at") WHERE "waitlist_offers"."announced_at" is null;--> statement-breakpoint
CREATE INDEX "waitlist_offers_application_idx" ON "waitlist_offers" USING btree ("application_id");