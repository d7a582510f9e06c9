// Situations for the properties that compare the module with the CLI and the API: request dates from
// mid-2021 to 2027, across both directives, with any fact absent; some contracts end before they start and
// some postcodes do not exist, which validation refuses: every entry point must refuse them the same way.
import fc from "fast-check";

const date = (from: number, to: number) =>
  fc
    .integer({ min: from, max: to })
    .map((day) => new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10));

export const situationArbitrary = fc.record(
  {
    id: fc.uuid(),
    requestDate: date(520, 2600),
    person: fc.record(
      {
        activity: fc.constantFrom(
          "employee",
          "temp_worker",
          "esat_worker",
          "jobseeker",
          "pre_retiree",
          "student",
        ),
        employer: fc.record(
          {
            sector: fc.constantFrom("private_non_agricultural", "private_agricultural", "public"),
            headcount: fc.integer({ min: 1, max: 500 }),
          },
          { requiredKeys: [] },
        ),
        contract: fc.record(
          {
            type: fc.constantFrom("permanent", "fixed_term", "temp_mission", "apprenticeship"),
            start: date(0, 2000),
            end: fc.option(date(1900, 2800), { nil: null }),
          },
          { requiredKeys: [] },
        ),
        tempHoursLast12Months: fc.integer({ min: 0, max: 1600 }),
        esatSupportContractSigned: fc.boolean(),
        activityEndDate: date(0, 2000),
      },
      { requiredKeys: [] },
    ),
    visale: fc.record({ exceptionalEvent: fc.boolean(), guaranteeEligible: fc.boolean() }),
    housing: fc.record(
      {
        postcode: fc.constantFrom(
          "75011",
          "20000",
          "97150",
          "97133",
          "97600",
          "97500",
          "98800",
          "59000",
          "99999",
        ),
        occupancy: fc.constantFrom("tenant", "owner", "homeless", "hosted"),
      },
      { requiredKeys: [] },
    ),
    situations: fc.uniqueArray(
      fc.constantFrom(
        "rent_arrears",
        "job_loss",
        "energy_poverty",
        "financial_imbalance",
        "other_life_accident",
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ["requestDate"] },
);
