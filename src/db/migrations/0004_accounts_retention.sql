CREATE TABLE "case_anonymisations" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"anonymised_at" timestamp with time zone NOT NULL,
	"replaced" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_anonymisations" ADD CONSTRAINT "case_anonymisations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;