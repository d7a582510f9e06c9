// The data encryption keys' use case: re-encrypting what a previous key sealed.
export { type RotationReport, rotateDataKeys } from "./rotation.ts";
