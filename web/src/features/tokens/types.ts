/** A personal API token of the signed-in staff member; the secret is never listed. */
export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedToken {
  token: ApiToken;
  /** Shown once, right after creation. */
  secret: string;
}
