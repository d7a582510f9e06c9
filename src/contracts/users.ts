// The account administration payloads (administrators): list filters, the account as shown, creation and
// change bodies. No password hash, second-factor secret or recovery code ever appears in a response.
import Type, { type Static } from "typebox";
import { PASSWORD_MAX_LENGTH, ROLES } from "../core/access/index.ts";

const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const RoleSchema = Type.Enum(ROLES, { description: `Rôle : ${ROLES.join(", ")}.` });
const DisplayName = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: "\\S",
  description: "Nom affiché.",
});

export const UserListQuerySchema = Type.Object(
  {
    organisation: Type.Optional(
      Type.String({ format: "uuid", description: "Identifiant de l'organisation." }),
    ),
    role: Type.Optional(RoleSchema),
    includeDeactivated: Type.Boolean({ default: false, description: "Inclure les comptes désactivés." }),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuerySchema>;

export const UserAccountSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  email: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  organisation: Nullable(
    Type.Object({ id: Type.String({ format: "uuid" }), name: Type.String(), kind: Type.String() }),
  ),
  mfaEnabled: Type.Boolean({ description: "Un second facteur est actif." }),
  isDemo: Type.Boolean(),
  createdAt: Type.String({ format: "date-time" }),
  deactivatedAt: Nullable(Type.String({ format: "date-time" })),
});
export type UserAccount = Static<typeof UserAccountSchema>;

export const UserListSchema = Type.Object({ items: Type.Array(UserAccountSchema) });

export const CreateUserSchema = Type.Object(
  {
    email: Type.String({
      format: "email",
      maxLength: 254,
      description: "Adresse électronique professionnelle.",
    }),
    displayName: DisplayName,
    role: RoleSchema,
    organisationId: Nullable(
      Type.String({ format: "uuid", description: "Organisation (null pour les rôles nationaux)." }),
    ),
    password: Type.String({
      minLength: 1,
      maxLength: PASSWORD_MAX_LENGTH,
      description:
        "Mot de passe initial, soumis à la politique (12 caractères au moins, pas un mot de passe courant).",
    }),
  },
  { additionalProperties: false },
);
export type CreateUser = Static<typeof CreateUserSchema>;

export const UpdateUserSchema = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    role: Type.Optional(RoleSchema),
    organisationId: Type.Optional(Nullable(Type.String({ format: "uuid" }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUser = Static<typeof UpdateUserSchema>;

export const UserIdParamsSchema = Type.Object({ id: Type.String({ format: "uuid" }) });

export const DeactivationSchema = Type.Object({
  sessionsRevoked: Type.Integer({ description: "Sessions ouvertes fermées par la désactivation." }),
});
export type Deactivation = Static<typeof DeactivationSchema>;
