CREATE TABLE "partner_outages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"declared_by" text NOT NULL,
	"reason" text NOT NULL,
	"ended_by" text
);
--> statement-breakpoint
CREATE TABLE "payment_freezes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"extended" integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX "partner_outages_open" ON "partner_outages" USING btree ("partner") WHERE "partner_outages"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "partner_outages_started_idx" ON "partner_outages" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_freezes_open" ON "payment_freezes" USING btree ((true)) WHERE "payment_freezes"."ended_at" is null;