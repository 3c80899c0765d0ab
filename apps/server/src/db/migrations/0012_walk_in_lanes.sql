CREATE TABLE "walk_ins" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"office_code" text NOT NULL,
	"lane" text NOT NULL,
	"priority_group" text,
	"reason" text NOT NULL,
	"officer_username" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "walk_ins_lane_valid" CHECK ("walk_ins"."lane" in ('PRIORITY', 'LOST_DAMAGED', 'APP_OUTAGE'))
);
--> statement-breakpoint
CREATE TABLE "walk_in_quotas" (
	"office_code" text NOT NULL,
	"lane" text NOT NULL,
	"daily" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "walk_in_quotas_office_code_lane_pk" PRIMARY KEY("office_code","lane"),
	CONSTRAINT "walk_in_quotas_lane_valid" CHECK ("walk_in_quotas"."lane" in ('PRIORITY', 'LOST_DAMAGED', 'APP_OUTAGE')),
	CONSTRAINT "walk_in_quotas_daily_valid" CHECK ("walk_in_quotas"."daily" >= 0 and "walk_in_quotas"."daily" <= 10000)
);
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_service_valid";--> statement-breakpoint
ALTER TABLE "walk_ins" ADD CONSTRAINT "walk_ins_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "walk_in_quotas" ADD CONSTRAINT "walk_in_quotas_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "walk_ins_office_idx" ON "walk_ins" USING btree ("office_code","created_at");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_service_valid" CHECK ("sessions"."service" in ('REGULAR', 'EXPRESS', 'PRIORITY', 'WALK_IN_PRIORITY', 'WALK_IN_LOST_DAMAGED', 'WALK_IN_APP_OUTAGE'));