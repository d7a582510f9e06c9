// A staff account as the administration API shows it (contracts/users.ts).
import type { UserAccount } from "../../../contracts/users.ts";
import type { AccountListing } from "../../../services/users/accounts.ts";

export function presentAccount(account: AccountListing): UserAccount {
  return {
    ...account,
    createdAt: account.createdAt.toISOString(),
    deactivatedAt: account.deactivatedAt?.toISOString() ?? null,
  };
}
