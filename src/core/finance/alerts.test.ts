import { describe, expect, it } from "vitest";
import { alertMessage, alertToRaise } from "./alerts.ts";

describe("envelope alerts", () => {
  it("raises 80 %, then 95 %, then exhausted, each once, exact to the cent", () => {
    expect(alertToRaise(1_000_000, 799_999, [])).toBeUndefined();
    expect(alertToRaise(1_000_000, 800_000, [])).toBe("alert_80");
    expect(alertToRaise(1_000_000, 900_000, ["alert_80"])).toBeUndefined();
    expect(alertToRaise(1_000_000, 950_000, ["alert_80"])).toBe("alert_95");
    expect(alertToRaise(1_000_000, 999_999, ["alert_80", "alert_95"])).toBeUndefined();
    expect(alertToRaise(1_000_000, 1_000_000, ["alert_80", "alert_95"])).toBe("exhausted");
    expect(alertToRaise(1_000_000, 1_000_000, ["alert_80", "alert_95", "exhausted"])).toBeUndefined();
  });

  it("raises only the highest level crossed by one jump, and never for an empty pot", () => {
    expect(alertToRaise(1_000_000, 960_000, [])).toBe("alert_95");
    expect(alertToRaise(1_000_000, 850_000, ["alert_95"])).toBeUndefined();
    expect(alertToRaise(0, 0, [])).toBeUndefined();
  });

  it("says which pot and how far, in French", () => {
    expect(alertMessage(2026, "alert_80", { kind: "national", label: null })).toBe(
      "Enveloppe nationale 2026 : réservé et engagé dépassent 80 % du montant.",
    );
    expect(alertMessage(2026, "exhausted", { kind: "allocation", label: "Région AURA" })).toBe(
      "Dotation « Région AURA » 2026 épuisée : réservé et engagé atteignent 100 % de la dotation.",
    );
  });
});
