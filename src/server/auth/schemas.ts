import { Type } from '@sinclair/typebox';
import { ROLLEN } from '../../domain/toegang/rollen.js';
import { Nullable, StringEnum } from '../schemas.js';

/** Shapes of the login, account and machine-client routes (OpenAPI). */
export const RolSchema = StringEnum(ROLLEN, { description: 'rol (opvolging.md, Access)' });

export const ScopeSchema = Type.Object({
  soort: StringEnum(['rmc-regio', 'gemeente', 'brin', 'landelijk'] as const),
  code: Type.Optional(Type.String({ description: 'RMC-regiocode, gemeentecode (GM….) of BRIN; niet bij landelijk' })),
}, { description: 'het gebied of de instelling waarvoor de rol werkt' });

const Tijdstip = Type.String({ format: 'date-time' });

export const SessieAntwoord = Type.Object({
  ingelogd: Type.Boolean(),
  inlogmethoden: Type.Array(StringEnum(['wachtwoord', 'oidc'] as const)),
  gebruiker: Type.Optional(Type.Object({
    weergavenaam: Type.String(),
    rol: RolSchema,
    scope: ScopeSchema,
    // how the user proved who they are (Gebruiker.soort); a plain string here, so the API description names no person
    soort: Type.String({ description: 'hoe de gebruiker is ingelogd: met een sessie, als machineclient of op de opdrachtregel' }),
  })),
  startpagina: Type.Optional(Type.String({ description: 'pad van de startpagina van deze rol in de webapp' })),
  csrfToken: Type.Optional(Type.String({ description: 'meesturen als X-CSRF-Token bij elke wijziging met deze sessie' })),
  inactiefMinuten: Type.Optional(Type.Integer({ description: 'de sessie eindigt na zoveel minuten zonder verzoek' })),
}, { description: 'Wie is ingelogd, in welke rol en scope.' });

export const InlogVerzoek = Type.Object({
  gebruikersnaam: Type.String({ minLength: 1, maxLength: 64 }),
  wachtwoord: Type.String({ minLength: 1, maxLength: 256 }),
}, { additionalProperties: false });

export const AccountSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  gebruikersnaam: Type.String(),
  weergavenaam: Type.String(),
  rol: RolSchema,
  scope: ScopeSchema,
  geblokkeerd: Type.Boolean(),
  demo: Type.Boolean({ description: 'demo-account met openbaar wachtwoord; werkt niet in productie' }),
  heeftWachtwoord: Type.Boolean({ description: 'false: logt alleen in via OpenID Connect' }),
  oidcSub: Nullable(Type.String()),
  aangemaaktOp: Tijdstip,
  gewijzigdOp: Tijdstip,
});

export const ScopecodeVeld = Type.Optional(Nullable(Type.String({ maxLength: 10, description: 'scopecode; leeg of null bij landelijke rollen' })));

export const NieuwAccountVerzoek = Type.Object({
  gebruikersnaam: Type.String({ minLength: 2, maxLength: 64 }),
  weergavenaam: Type.String({ minLength: 1, maxLength: 100 }),
  rol: RolSchema,
  scopecode: ScopecodeVeld,
  wachtwoord: Type.Optional(Nullable(Type.String({ maxLength: 256, description: 'leeg of null: alleen inloggen via OpenID Connect' }))),
  oidcSub: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
}, { additionalProperties: false });

export const AccountWijzigVerzoek = Type.Object({
  weergavenaam: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  rol: Type.Optional(RolSchema),
  scopecode: ScopecodeVeld,
  geblokkeerd: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const WachtwoordVerzoek = Type.Object({
  wachtwoord: Type.String({ minLength: 1, maxLength: 256 }),
}, { additionalProperties: false });

export const MachineclientSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  naam: Type.String(),
  rol: RolSchema,
  scope: ScopeSchema,
  geblokkeerd: Type.Boolean(),
  aangemaaktOp: Tijdstip,
  gewijzigdOp: Tijdstip,
  laatstGebruiktOp: Nullable(Tijdstip),
});

export const NieuweMachineclientVerzoek = Type.Object({
  naam: Type.String({ minLength: 2, maxLength: 100 }),
  rol: RolSchema,
  scopecode: ScopecodeVeld,
}, { additionalProperties: false });

export const MachineclientWijzigVerzoek = Type.Object({
  rol: Type.Optional(RolSchema),
  scopecode: ScopecodeVeld,
  geblokkeerd: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const MachineclientMetSleutel = Type.Object({
  machineclient: MachineclientSchema,
  sleutel: Type.String({ description: 'de API-sleutel: wordt alleen nu getoond; bewaar hem veilig (Authorization: Bearer …)' }),
});

export const IdParam = Type.Object({
  id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', example: '3f0c2a9e-6b1d-4c8e-9a57-2d4b8c1e0f3a' }),
});
