CREATE TABLE "office_visit_rules" (
	"office_code" text PRIMARY KEY NOT NULL,
	"four_eyes" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "office_visit_rules" ADD CONSTRAINT "office_visit_rules_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;