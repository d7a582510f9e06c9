// The two versions side by side, topic by topic, as the web application shows them to counsellors.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDirectives, diffWords, directiveByReference, type TextSegment } from "./index.ts";

const V2021 = directiveByReference("PP_EX_CPA_2_DIR");
const V2025 = directiveByReference("PP_SERV_ASD_2_DIR");
if (V2021 === undefined || V2025 === undefined) throw new Error("both versions are defined");

const comparison = compareDirectives(V2021, V2025);
const row = (topic: string) => comparison.rows.find((candidate) => candidate.topic === topic);
const oldSide = (segments: TextSegment[]) =>
  segments
    .filter((segment) => segment.kind !== "added")
    .map((segment) => segment.text)
    .join("");
const newSide = (segments: TextSegment[]) =>
  segments
    .filter((segment) => segment.kind !== "removed")
    .map((segment) => segment.text)
    .join("");
const squeeze = (text: string) => text.replace(/\s+/g, "");

describe("compareDirectives(2021, 2025)", () => {
  it("names both versions", () => {
    expect(comparison.from).toBe("PP_EX_CPA_2_DIR");
    expect(comparison.to).toBe("PP_SERV_ASD_2_DIR");
  });

  it("lists every topic of either version exactly once", () => {
    const topics = comparison.rows.map((candidate) => candidate.topic);
    expect(new Set(topics).size).toBe(topics.length);
    const expected = new Set([...V2021.clauses, ...V2025.clauses].map((clause) => clause.topic));
    expect(new Set(topics)).toEqual(expected);
  });

  it("puts every clause of each version in the row of its topic", () => {
    const from = comparison.rows.flatMap((candidate) => candidate.from.map((clause) => clause.id));
    const to = comparison.rows.flatMap((candidate) => candidate.to.map((clause) => clause.id));
    expect(from.sort()).toEqual(V2021.clauses.map((clause) => clause.id).sort());
    expect(to.sort()).toEqual(V2025.clauses.map((clause) => clause.id).sort());
  });

  it.each(["pre_retirees", "visale", "jobseekers"])("%s: removed in 2025", (topic) => {
    const found = row(topic);
    expect(found?.change).toBe("removed");
    expect(found?.from.length).toBeGreaterThan(0);
    expect(found?.to).toEqual([]);
    expect(found?.segments.every((segment) => segment.kind === "removed")).toBe(true);
  });

  it.each(["esat_workers", "temp_workers", "housing_first"])("%s: added in 2025", (topic) => {
    const found = row(topic);
    expect(found?.change).toBe("added");
    expect(found?.from).toEqual([]);
    expect(found?.to.length).toBeGreaterThan(0);
    expect(found?.segments.every((segment) => segment.kind === "added")).toBe(true);
  });

  it("territory: changed, Saint-Martin among the added words", () => {
    const territory = row("territory");
    expect(territory?.change).toBe("changed");
    const added = (territory?.segments ?? [])
      .filter((segment) => segment.kind === "added")
      .map((segment) => segment.text)
      .join("");
    expect(added).toContain("Martin");
    const same = (territory?.segments ?? [])
      .filter((segment) => segment.kind === "same")
      .map((segment) => segment.text);
    expect(same.join("")).toContain("Le logement");
  });

  it("employees: changed, the contract in progress of at least 3 months added", () => {
    const employees = row("employees");
    expect(employees?.change).toBe("changed");
    const added = (employees?.segments ?? [])
      .filter((segment) => segment.kind === "added")
      .map((segment) => segment.text);
    expect(added.join("")).toContain("en cours");
    expect(added.join("")).toContain("3");
  });

  it("free of charge: the same sentence in both texts", () => {
    const free = row("free_of_charge");
    expect(free?.change).toBe("unchanged");
    expect(free?.segments).toEqual([{ kind: "same", text: "La gratuité du service pour le bénéficiaire." }]);
  });

  it("every row has a French label", () => {
    for (const candidate of comparison.rows) expect(candidate.label).toMatch(/^[A-ZÉ][a-zéèêàçôûî' ]/);
  });

  it("each row's segments rebuild the 2025 text exactly and the 2021 text word for word", () => {
    for (const candidate of comparison.rows) {
      const before = candidate.from.map((clause) => clause.text).join(" ");
      const after = candidate.to.map((clause) => clause.text).join(" ");
      expect(newSide(candidate.segments), candidate.topic).toBe(after);
      expect(squeeze(oldSide(candidate.segments)), candidate.topic).toBe(squeeze(before));
    }
  });

  it("compared with itself, every topic is unchanged", () => {
    const same = compareDirectives(V2025, V2025);
    expect(same.rows.every((candidate) => candidate.change === "unchanged")).toBe(true);
    expect(same.rows.map((candidate) => candidate.topic).sort()).toEqual(
      [...new Set(V2025.clauses.map((clause) => clause.topic))].sort(),
    );
  });
});

describe("diffWords", () => {
  it("marks a word replaced in the middle", () => {
    expect(diffWords("le logement doit être situé", "le logement doit être localisé")).toEqual([
      { kind: "same", text: "le logement doit être " },
      { kind: "removed", text: "situé" },
      { kind: "added", text: "localisé" },
    ]);
  });

  it("handles empty texts", () => {
    expect(diffWords("", "")).toEqual([]);
    expect(diffWords("", "Surendettement,")).toEqual([{ kind: "added", text: "Surendettement," }]);
    expect(diffWords("Surendettement,", "")).toEqual([{ kind: "removed", text: "Surendettement," }]);
  });

  const words = fc.array(
    fc.constantFrom("salariés", "de", "10", "et", "plus", "logement", "DROM", "St", "Martin"),
    {
      maxLength: 12,
    },
  );
  const text = words.map((list) => list.join(" "));

  it("rebuilds the new text and the old one's words, on any texts (fast-check)", () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const segments = diffWords(before, after);
        expect(newSide(segments)).toBe(after);
        expect(squeeze(oldSide(segments))).toBe(squeeze(before));
        // Consecutive segments never share a kind.
        for (let index = 1; index < segments.length; index++) {
          expect(segments[index]?.kind).not.toBe(segments[index - 1]?.kind);
        }
      }),
      { seed: 11, numRuns: 1000 },
    );
  });

  it("keeps the longest run of common words (no common word reported as removed and added)", () => {
    fc.assert(
      fc.property(text, (before) => {
        const segments = diffWords(before, before);
        expect(segments.every((segment) => segment.kind === "same")).toBe(true);
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});
