// What every use case is given: the database (the one way services reach it), the data encryption keys,
// the clock and the mode. The server builds one at start and hands it to every route; the command line
// builds its own from the same configuration.
import type { Config } from "../config/config.ts";
import type { Database } from "../db/database.ts";
import { createMoneyLane, type MoneyLane } from "./transactions.ts";

export interface ServiceContext {
  readonly db: Database;
  /** The key that seals new sensitive values, and those that open stored ones (the current one first). */
  readonly keys: { readonly sealing: Buffer; readonly opening: readonly Buffer[] };
  /** The clock; tests may move it. */
  readonly now: () => Date;
  /** Every mode but production: demo accounts and demo data exist. */
  readonly demoMode: boolean;
  /** Years after closure after which a case is anonymised. */
  readonly retentionYears: number;
  /** Money-moving transactions of this process queue here (transactions.ts). */
  readonly moneyLane: MoneyLane;
}

export function createServiceContext(
  config: Pick<Config, "dataEncryptionKey" | "dataDecryptionKeys" | "demoMode" | "retentionYears">,
  db: Database,
  now: () => Date = () => new Date(),
): ServiceContext {
  return {
    db,
    keys: { sealing: config.dataEncryptionKey, opening: config.dataDecryptionKeys },
    now,
    demoMode: config.demoMode,
    retentionYears: config.retentionYears,
    moneyLane: createMoneyLane(),
  };
}
