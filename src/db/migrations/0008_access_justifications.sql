CREATE TABLE "case_access_justifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"auditor_user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_access_justifications_window_check" CHECK ("case_access_justifications"."expires_at" > "case_access_justifications"."granted_at")
);
--> statement-breakpoint
ALTER TABLE "case_access_justifications" ADD CONSTRAINT "case_access_justifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access_justifications" ADD CONSTRAINT "case_access_justifications_auditor_user_id_users_id_fk" FOREIGN KEY ("auditor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_access_justifications_lookup_idx" ON "case_access_justifications" USING btree ("case_id","auditor_user_id","expires_at");