/** An issued access token as Sylius's OAuth server (FOSOAuthServerBundle) answers it. */
import type { z } from "zod";
import type { IssuedAccessToken } from "@/lib/services/access-tokens/issue-access-token";
import type { tokenResponse } from "./schemas";

export function shapeToken(issued: IssuedAccessToken): z.output<typeof tokenResponse> {
  return {
    access_token: issued.accessToken,
    expires_in: issued.expiresIn,
    token_type: "bearer",
    scope: null,
    // Every grant of this contract asks for one (see toIssueTokenInput).
    refresh_token: issued.refreshToken ?? "",
  };
}
