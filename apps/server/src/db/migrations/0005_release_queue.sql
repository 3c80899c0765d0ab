CREATE TABLE "release_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"window_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"nik" text NOT NULL,
	"application_id" uuid NOT NULL,
	"pools" text[] NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"position" integer,
	"admitted_at" timestamp with time zone,
	"admission_expires_at" timestamp with time zone,
	"booked_at" timestamp with time zone,
	CONSTRAINT "release_tickets_account" UNIQUE("window_id","account_id"),
	CONSTRAINT "release_tickets_nik" UNIQUE("window_id","nik"),
	CONSTRAINT "release_tickets_admission" CHECK (("release_tickets"."admitted_at" is null) = ("release_tickets"."admission_expires_at" is null))
);
--> statement-breakpoint
CREATE TABLE "release_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_code" text NOT NULL,
	"release_at" timestamp with time zone NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"seed_hash" text NOT NULL,
	"seed" text,
	"drawn_at" timestamp with time zone,
	"seats_released" integer,
	"drawn_tickets" integer,
	"last_position" integer DEFAULT 0 NOT NULL,
	"last_admission_at" timestamp with time zone,
	"sold_out_at" timestamp with time zone,
	"sold" integer,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "release_windows_office_instant" UNIQUE("office_code","release_at")
);
--> statement-breakpoint
ALTER TABLE "release_tickets" ADD CONSTRAINT "release_tickets_window_id_release_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."release_windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_tickets" ADD CONSTRAINT "release_tickets_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_tickets" ADD CONSTRAINT "release_tickets_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_windows" ADD CONSTRAINT "release_windows_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "release_tickets_queue_idx" ON "release_tickets" USING btree ("window_id","position");--> statement-breakpoint
CREATE INDEX "sessions_office_release_idx" ON "sessions" USING btree ("office_code","released_at");