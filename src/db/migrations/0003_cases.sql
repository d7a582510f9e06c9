CREATE SEQUENCE "public"."case_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"type" text NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"partner_organisation_id" uuid NOT NULL,
	"note" text,
	"referred_by_user_id" uuid,
	"referred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"counsellor_user_id" uuid,
	"status" text NOT NULL,
	"directive" text NOT NULL,
	"requested_on" date NOT NULL,
	"channel" text NOT NULL,
	"eligibility" jsonb,
	"decision" jsonb,
	"engagement" jsonb,
	"closure" jsonb,
	"person_first_name" text NOT NULL,
	"person_last_name" text NOT NULL,
	"person_birth_date" date,
	"person_email" text,
	"person_phone" text,
	"person_postcode" text,
	"preferred_channel" text,
	"preferred_times" text,
	"situation_summary" text,
	"legal_basis" text NOT NULL,
	"notice_version" text NOT NULL,
	"consent_given_at" timestamp with time zone NOT NULL,
	"possible_duplicate_of" uuid,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_reference_unique" UNIQUE("reference"),
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('request_received', 'eligibility_assessed', 'admitted', 'refused', 'redirected', 'diagnosis', 'action_plan', 'engagement', 'follow_up', 'closed')),
	CONSTRAINT "cases_channel_check" CHECK ("cases"."channel" in ('web_form', 'phone', 'visit', 'partner_referral')),
	CONSTRAINT "cases_preferred_channel_check" CHECK ("cases"."preferred_channel" is null or "cases"."preferred_channel" in ('phone', 'email', 'visit')),
	CONSTRAINT "cases_version_check" CHECK ("cases"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "eligibility_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"directive" text NOT NULL,
	"facts" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"missing" jsonb NOT NULL,
	"parameters" jsonb NOT NULL,
	"engine_version" text NOT NULL,
	"assessed_on" date NOT NULL,
	"assessed_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_referred_by_user_id_users_id_fk" FOREIGN KEY ("referred_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_counsellor_user_id_users_id_fk" FOREIGN KEY ("counsellor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_snapshots" ADD CONSTRAINT "eligibility_snapshots_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_snapshots" ADD CONSTRAINT "eligibility_snapshots_assessed_by_user_id_users_id_fk" FOREIGN KEY ("assessed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_case_seq_idx" ON "case_events" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "case_referrals_case_partner_idx" ON "case_referrals" USING btree ("case_id","partner_organisation_id");--> statement-breakpoint
CREATE INDEX "case_referrals_partner_idx" ON "case_referrals" USING btree ("partner_organisation_id","referred_at");--> statement-breakpoint
CREATE INDEX "cases_caseload_idx" ON "cases" USING btree ("organisation_id","requested_on","id");--> statement-breakpoint
CREATE INDEX "cases_counsellor_idx" ON "cases" USING btree ("counsellor_user_id","status");--> statement-breakpoint
CREATE INDEX "cases_person_email_idx" ON "cases" USING btree ("organisation_id","person_email");--> statement-breakpoint
CREATE INDEX "cases_person_name_idx" ON "cases" USING btree ("organisation_id","person_last_name","person_first_name");--> statement-breakpoint
CREATE INDEX "eligibility_snapshots_case_idx" ON "eligibility_snapshots" USING btree ("case_id","recorded_at");