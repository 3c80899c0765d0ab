ALTER TABLE "billings" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sim_simponi_billings" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "billings_to_void_idx" ON "billings" USING btree ("created_at") WHERE "billings"."voided_at" is null and "billings"."status" in ('CANCELLED', 'EXPIRED');