// oidc-provider ships no type declarations; the tests use it as a black box.
declare module "oidc-provider";
