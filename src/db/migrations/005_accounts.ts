/**
 * Access (issue 8, login side): accounts of people, their server-side sessions, the login
 * attempts the lock-out counts, machine clients (a school's administration system) and the
 * short-lived state of an OpenID Connect login. Tokens and keys are stored only as hashes.
 */
export default /* sql */ `
CREATE TABLE account (
  id              text PRIMARY KEY,
  gebruikersnaam  text NOT NULL UNIQUE,
  weergavenaam    text NOT NULL,
  rol             text NOT NULL CHECK (rol IN ('rmc', 'leerplicht', 'school', 'analist', 'beheer', 'privacy')),
  scope_soort     text NOT NULL CHECK (scope_soort IN ('rmc-regio', 'gemeente', 'brin', 'landelijk')),
  scope_code      text,
  -- Argon2id (PHC string); null: this account logs in only through OpenID Connect
  wachtwoord_hash text,
  -- the OpenID Connect subject (issuer-specific) this account is mapped to, if any
  oidc_sub        text UNIQUE,
  geblokkeerd     boolean NOT NULL DEFAULT false,
  -- a demo account (README): never usable when NODE_ENV=production
  demo            boolean NOT NULL DEFAULT false,
  aangemaakt_op   timestamptz NOT NULL DEFAULT now(),
  gewijzigd_op    timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope_soort = 'landelijk') = (scope_code IS NULL))
);

CREATE TABLE sessie (
  -- sha256 of the random cookie token: a copy of this table logs nobody in
  token_hash        text PRIMARY KEY,
  account_id        text NOT NULL REFERENCES account(id),
  -- synchronizer token against cross-site request forgery, sent as X-CSRF-Token
  csrf_token        text NOT NULL,
  -- how the session was started: 'wachtwoord' or 'oidc'
  methode           text NOT NULL,
  aangemaakt_op     timestamptz NOT NULL DEFAULT now(),
  laatst_gezien_op  timestamptz NOT NULL DEFAULT now(),
  verloopt_op       timestamptz NOT NULL,
  beeindigd_op      timestamptz
);
CREATE INDEX sessie_account ON sessie (account_id);

-- Every attempt to log in with a password, known user or not (lock-out counts the failures).
CREATE TABLE inlogpoging (
  id              bigserial PRIMARY KEY,
  gebruikersnaam  text NOT NULL,
  gelukt          boolean NOT NULL,
  op              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inlogpoging_naam_op ON inlogpoging (gebruikersnaam, op);

CREATE TABLE machineclient (
  id                 text PRIMARY KEY,
  naam               text NOT NULL UNIQUE,
  rol                text NOT NULL CHECK (rol IN ('rmc', 'leerplicht', 'school', 'analist', 'beheer', 'privacy')),
  scope_soort        text NOT NULL CHECK (scope_soort IN ('rmc-regio', 'gemeente', 'brin', 'landelijk')),
  scope_code         text,
  -- sha256 of the API key (256 random bits: a fast hash suffices); the key is shown once
  sleutel_hash       text NOT NULL UNIQUE,
  geblokkeerd        boolean NOT NULL DEFAULT false,
  aangemaakt_op      timestamptz NOT NULL DEFAULT now(),
  gewijzigd_op       timestamptz NOT NULL DEFAULT now(),
  laatst_gebruikt_op timestamptz,
  CHECK ((scope_soort = 'landelijk') = (scope_code IS NULL))
);

-- An OpenID Connect login under way: state (hashed) → PKCE verifier and nonce, for 10 minutes.
CREATE TABLE oidc_aanvraag (
  state_hash     text PRIMARY KEY,
  code_verifier  text NOT NULL,
  nonce          text NOT NULL,
  aangemaakt_op  timestamptz NOT NULL DEFAULT now()
);
`;
