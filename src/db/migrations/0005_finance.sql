CREATE TABLE "aid_disbursements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aid_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"payee_kind" text NOT NULL,
	"payee_iban" text NOT NULL,
	"paid_on" date NOT NULL,
	"first_due_date" date,
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aid_disbursements_payee_check" CHECK ("aid_disbursements"."payee_kind" in ('person', 'landlord', 'creditor')),
	CONSTRAINT "aid_disbursements_amount_check" CHECK ("aid_disbursements"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "aid_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aid_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "aid_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"max_amount_cents" bigint NOT NULL,
	"rate_bp" integer DEFAULT 0 NOT NULL,
	"max_duration_months" integer,
	"deferral_months" integer DEFAULT 0 NOT NULL,
	"directives" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"applies_from" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by_user_id" uuid,
	"reason" text NOT NULL,
	CONSTRAINT "aid_products_kind_check" CHECK ("aid_products"."kind" in ('loan', 'grant')),
	CONSTRAINT "aid_products_amount_check" CHECK ("aid_products"."max_amount_cents" > 0),
	CONSTRAINT "aid_products_rate_check" CHECK ("aid_products"."rate_bp" between 0 and 10000),
	CONSTRAINT "aid_products_deferral_check" CHECK ("aid_products"."deferral_months" between 0 and 120),
	CONSTRAINT "aid_products_duration_check" CHECK (("aid_products"."kind" = 'loan' and "aid_products"."max_duration_months" between 1 and 600) or ("aid_products"."kind" = 'grant' and "aid_products"."max_duration_months" is null))
);
--> statement-breakpoint
CREATE TABLE "aid_repayments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aid_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"received_on" date NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aid_repayments_amount_check" CHECK ("aid_repayments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "aids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"allocation_code" text,
	"product_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"product_name" text NOT NULL,
	"rate_bp" integer NOT NULL,
	"duration_months" integer,
	"deferral_months" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"proposed_by_user_id" uuid NOT NULL,
	"first_approved_by_user_id" uuid,
	"first_approved_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aids_kind_check" CHECK ("aids"."kind" in ('loan', 'grant')),
	CONSTRAINT "aids_status_check" CHECK ("aids"."status" in ('queued', 'proposed', 'approved', 'disbursed', 'repaying', 'repaid', 'in_arrears', 'written_off', 'cancelled', 'refused')),
	CONSTRAINT "aids_amount_check" CHECK ("aids"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "envelope_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"envelope_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "envelope_allocations_amount_check" CHECK ("envelope_allocations"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "envelopes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"national_cents" bigint NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_by_user_id" uuid,
	CONSTRAINT "envelopes_year_unique" UNIQUE("year"),
	CONSTRAINT "envelopes_national_check" CHECK ("envelopes"."national_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"actor_user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"route" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_actor_user_id_key_pk" PRIMARY KEY("actor_user_id","key")
);
--> statement-breakpoint
ALTER TABLE "aid_disbursements" ADD CONSTRAINT "aid_disbursements_aid_id_aids_id_fk" FOREIGN KEY ("aid_id") REFERENCES "public"."aids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_disbursements" ADD CONSTRAINT "aid_disbursements_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_events" ADD CONSTRAINT "aid_events_aid_id_aids_id_fk" FOREIGN KEY ("aid_id") REFERENCES "public"."aids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_events" ADD CONSTRAINT "aid_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_products" ADD CONSTRAINT "aid_products_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_repayments" ADD CONSTRAINT "aid_repayments_aid_id_aids_id_fk" FOREIGN KEY ("aid_id") REFERENCES "public"."aids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_repayments" ADD CONSTRAINT "aid_repayments_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aids" ADD CONSTRAINT "aids_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aids" ADD CONSTRAINT "aids_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aids" ADD CONSTRAINT "aids_product_id_aid_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."aid_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aids" ADD CONSTRAINT "aids_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aids" ADD CONSTRAINT "aids_first_approved_by_user_id_users_id_fk" FOREIGN KEY ("first_approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aids" ADD CONSTRAINT "aids_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "envelope_allocations" ADD CONSTRAINT "envelope_allocations_envelope_id_envelopes_id_fk" FOREIGN KEY ("envelope_id") REFERENCES "public"."envelopes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "envelopes" ADD CONSTRAINT "envelopes_opened_by_user_id_users_id_fk" FOREIGN KEY ("opened_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "aid_disbursements_aid_idx" ON "aid_disbursements" USING btree ("aid_id");--> statement-breakpoint
CREATE INDEX "aid_events_aid_idx" ON "aid_events" USING btree ("aid_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "aid_products_code_version_idx" ON "aid_products" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "aid_repayments_aid_idx" ON "aid_repayments" USING btree ("aid_id","received_on");--> statement-breakpoint
CREATE INDEX "aids_year_status_idx" ON "aids" USING btree ("year","status","requested_at");--> statement-breakpoint
CREATE INDEX "aids_case_idx" ON "aids" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "envelope_allocations_code_idx" ON "envelope_allocations" USING btree ("envelope_id","code");