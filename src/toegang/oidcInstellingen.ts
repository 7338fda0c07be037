/**
 * OpenID Connect settings (docs/toegang-inloggen.md). The provider proves who someone is; the
 * role and scope come either from two claims in the provider's answer (`claims`), or from a
 * Binnenboord account the subject is mapped to (`account`: by `oidc_sub`, or else by a claim,
 * e.g. e-mail, equal to the account's user name).
 */
export interface OidcInstellingen {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** where the provider sends the browser back: https://…/api/v1/sessie/oidc/terug (route of src/server/auth/oidc.ts) */
  redirectUri: string;
  /** 'claims': role and scope from claims; 'account': from the mapped account */
  rolBron: 'claims' | 'account';
  /** claim holding the role (rolBron 'claims') */
  rolClaim: string;
  /** claim holding the scope code (rolBron 'claims'; absent for landelijk roles) */
  scopeClaim: string;
  /** claim compared with an account's user name when no account has this subject (rolBron 'account') */
  accountClaim: string;
  /** extra scopes to ask for besides openid */
  scopes: string[];
  /** plain http:// to the provider: only for a provider on this machine (tests, development) */
  onveiligHttp: boolean;
}
