CREATE TABLE "envelope_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"level" text NOT NULL,
	"scope" text NOT NULL,
	"scope_code" text,
	"scope_label" text,
	"used_cents" bigint NOT NULL,
	"limit_cents" bigint NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_user_id" uuid,
	CONSTRAINT "envelope_alerts_level_check" CHECK ("envelope_alerts"."level" in ('alert_80', 'alert_95', 'exhausted')),
	CONSTRAINT "envelope_alerts_scope_check" CHECK (("envelope_alerts"."scope" = 'national' and "envelope_alerts"."scope_code" is null) or ("envelope_alerts"."scope" = 'allocation' and "envelope_alerts"."scope_code" is not null))
);
--> statement-breakpoint
ALTER TABLE "aid_repayments" ADD COLUMN "mode" text DEFAULT 'instalment' NOT NULL;--> statement-breakpoint
ALTER TABLE "aid_repayments" ADD COLUMN "early_option" text;--> statement-breakpoint
ALTER TABLE "envelope_alerts" ADD CONSTRAINT "envelope_alerts_acknowledged_by_user_id_users_id_fk" FOREIGN KEY ("acknowledged_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "envelope_alerts_once_idx" ON "envelope_alerts" USING btree ("year","scope",coalesce("scope_code", ''),"level");--> statement-breakpoint
ALTER TABLE "aid_repayments" ADD CONSTRAINT "aid_repayments_mode_check" CHECK ("aid_repayments"."mode" in ('instalment', 'early'));--> statement-breakpoint
ALTER TABLE "aid_repayments" ADD CONSTRAINT "aid_repayments_early_option_check" CHECK (("aid_repayments"."mode" = 'early' and "aid_repayments"."early_option" in ('shorten', 'lower_instalment')) or ("aid_repayments"."mode" = 'instalment' and "aid_repayments"."early_option" is null));