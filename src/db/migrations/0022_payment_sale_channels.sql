CREATE TABLE "payment_sale_channels" (
	"channel" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_sale_channels_channel_check" CHECK ("payment_sale_channels"."channel" in ('membership', 'store', 'festival'))
);
