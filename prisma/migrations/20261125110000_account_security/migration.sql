-- Sign-ups are confirmed by email: a user stays unconfirmed (no sign-in) until the owner of the
-- address opens the link. Every user that exists already counts as confirmed.
ALTER TABLE "users"
  ADD COLUMN "email_confirmed_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP,
  ADD COLUMN "confirm_token_hash" TEXT,
  ADD COLUMN "confirm_token_expires_at" TIMESTAMPTZ(3);

CREATE UNIQUE INDEX "users_confirm_token_hash_key" ON "users"("confirm_token_hash");

-- Dashboard sessions, so that signing out, a new password or "sign out everywhere" ends them
-- server-side. Sessions issued before this table existed carry no id and end at once.
CREATE TABLE "user_sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "user_sessions_user_id_idx" ON "user_sessions"("user_id");
CREATE INDEX "user_sessions_expires_at_idx" ON "user_sessions"("expires_at");

ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
