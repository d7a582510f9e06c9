CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"notes" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_channel_check" CHECK ("appointments"."channel" in ('visit', 'phone', 'video'))
);
--> statement-breakpoint
CREATE TABLE "case_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"catalogue_item_id" uuid,
	"external_aid" text,
	"owner" text NOT NULL,
	"partner_organisation_id" uuid,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_actions_kind_check" CHECK ("case_actions"."kind" in ('al_product', 'external_aid', 'partner_referral', 'rental_service', 'housing_first', 'other')),
	CONSTRAINT "case_actions_external_aid_check" CHECK ("case_actions"."external_aid" is null or "case_actions"."external_aid" in ('fsl', 'caf', 'over_indebtedness_file', 'ccas', 'other')),
	CONSTRAINT "case_actions_owner_check" CHECK ("case_actions"."owner" in ('beneficiary', 'counsellor', 'partner')),
	CONSTRAINT "case_actions_status_check" CHECK ("case_actions"."status" in ('planned', 'in_progress', 'done', 'cancelled')),
	CONSTRAINT "case_actions_version_check" CHECK ("case_actions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "case_outcomes" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"indicators" jsonb NOT NULL,
	"comment" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "diagnoses" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"sensitive" text,
	"diagnosed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"rating" integer,
	"comment" text,
	CONSTRAINT "surveys_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "surveys_rating_check" CHECK ("surveys"."rating" is null or "surveys"."rating" between 1 and 5),
	CONSTRAINT "surveys_answer_check" CHECK (("surveys"."answered_at" is null) = ("surveys"."rating" is null))
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_outcomes" ADD CONSTRAINT "case_outcomes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_outcomes" ADD CONSTRAINT "case_outcomes_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_case_at_idx" ON "appointments" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_actions_case_idx" ON "case_actions" USING btree ("case_id","due_on");--> statement-breakpoint
CREATE INDEX "case_actions_open_due_idx" ON "case_actions" USING btree ("due_on","case_id") WHERE "case_actions"."status" in ('planned', 'in_progress');--> statement-breakpoint
CREATE INDEX "case_actions_partner_idx" ON "case_actions" USING btree ("partner_organisation_id");--> statement-breakpoint
CREATE INDEX "surveys_case_idx" ON "surveys" USING btree ("case_id","created_at");