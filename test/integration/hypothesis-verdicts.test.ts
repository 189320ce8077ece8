/**
 * seg check reports every hypothesis verdict with its statistics, on the real
 * Telco data: "month-to-month customers churn less than the others" is
 * rejected (z = 34.0, the pooled two-proportion z pandas computes), a warning
 * at the hypothesis' statement; the supported one is information; and
 * --format json carries a hypotheses array with the numbers, and the declared
 * metrics over the whole population.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import type { CheckResult } from "../../src/lint/check-result.ts";
import { formatCheck } from "../../src/api/format-check.ts";
import { dataPath, missingData, missingPython, runPython } from "../support/shared-data.ts";
import { tempWorkspace, type TempWorkspace } from "../support/temp-workspace.ts";

const CONFIG = `name: Telco churn
as_of: 2026-11-01
goals:
  focus: internal
  objective: account-attack
  statement: Keep the customers we have.
  stakeholders:
    - { name: Ana, role: Analyst }
  scope: { unit: customer }
  deliverables: [A playbook]
sources:
  customers:
    path: Telco-Customer-Churn.csv
    kind: accounts
    key: customerID
    columns:
      customerID: { type: string, kind: key }
      Contract: { type: string, kind: behavioral }
      Churn: { type: string, kind: behavioral }
features:
  churned: { expression: Churn = 'Yes' }
metrics:
  churn_rate: { label: Churn rate, feature: churned, aggregate: share, format: percent }
schemes:
  contract:
    label: Contract
`;
const segment = (id: string, name: string, where: string) => `id: ${id}\nname: ${name}\nsummary: ${name}.\nstatus: active\napproach: behavioral\ndefinition:\n  where: ${where}\n`;
const hypothesis = (id: string, statement: string, alternative: string) =>
  `id: ${id}\nstatement: ${statement}\nmetric: churned\nsegments: [monthly, committed]\ntest:\n  kind: difference-of-proportions\n  alternative: ${alternative}\n  alpha: 0.05\n`;

const missing = missingData("telco-churn", "Telco-Customer-Churn.csv") ?? missingPython();
if (missing) console.warn(`hypothesis-verdicts skipped: ${missing}`);

describe.runIf(!missing)("hypothesis verdicts on Telco", () => {
  let ws: TempWorkspace;
  let result: CheckResult;
  let reference: { monthly: [number, number]; others: [number, number]; z: number };
  beforeAll(async () => {
    ws = tempWorkspace({
      "segmentation.yaml": CONFIG,
      "segments/usage/heavy.yaml": null,
      "data/accounts.csv": null,
      "data/events.csv": null,
      "segments/contract/monthly.yaml": segment("monthly", "Month to month", "Contract = 'Month-to-month'"),
      "segments/contract/committed.yaml": segment("committed", "Committed", "Contract != 'Month-to-month'"),
      "hypotheses/monthly-churn-less.yaml": hypothesis("monthly-churn-less", "Month-to-month customers churn less than customers on contracts.", "less"),
      "hypotheses/monthly-churn-more.yaml": hypothesis("monthly-churn-more", "Month-to-month customers churn more than customers on contracts.", "greater"),
    });
    result = await check({ root: ws.root, today: "2026-11-23", dataDir: dataPath("telco-churn"), cache: false });
    reference = JSON.parse(runPython("proportions_reference.py", [dataPath("telco-churn", "Telco-Customer-Churn.csv")]));
  });
  afterAll(() => ws?.remove());

  it("computes the z statistic pandas does", () => {
    expect(reference.monthly).toEqual([1655, 3875]);
    expect(reference.others).toEqual([214, 3168]);
    const rejected = result.data!.engine.hypotheses.find((h) => h.id === "monthly-churn-less")!;
    expect(rejected.test!.statistic).toBeCloseTo(reference.z, 9);
    expect(rejected.groups.map((g) => g.n)).toEqual([3875, 3168]);
  });

  it("warns at the statement of the hypothesis the data reject, with the numbers", () => {
    expect(result.diagnostics.filter((d) => d.ruleId.startsWith("hypothesis-"))).toEqual([
      expect.objectContaining({
        ruleId: "hypothesis-rejected",
        severity: "warning",
        file: "hypotheses/monthly-churn-less.yaml",
        line: 2,
        column: 12,
        message:
          'The data reject the hypothesis monthly-churn-less ("Month-to-month customers churn less than customers on contracts."): churned: Month to month 42.7% (n=3875) vs Committed 6.8% (n=3168); z = 34.00, p = 1.0000, h = 0.90 → rejected at α = 0.05.',
        data: expect.objectContaining({ verdict: "rejected", statistic: rejected().test!.statistic, nA: 3875, nB: 3168 }),
      }),
      expect.objectContaining({ ruleId: "hypothesis-result", severity: "info", file: "hypotheses/monthly-churn-more.yaml", line: 2, column: 12, data: expect.objectContaining({ verdict: "supported" }) }),
    ]);
  });

  it("gives declared metrics over the whole population in --format json", () => {
    const report = JSON.parse(formatCheck(result, "json"));
    // pandas: 1655 + 214 of 7043 customers churned.
    expect(report.metrics).toEqual({ churn_rate: { label: "Churn rate", feature: "churned", aggregate: "share", value: (reference.monthly[0] + reference.others[0]) / 7043 } });
  });

  it("lists every hypothesis with its statistics in --format json", () => {
    const report = JSON.parse(formatCheck(result, "json"));
    expect(report.hypotheses.map((h: { id: string; verdict: string; file: string }) => [h.id, h.verdict, h.file])).toEqual([
      ["monthly-churn-less", "rejected", "hypotheses/monthly-churn-less.yaml"],
      ["monthly-churn-more", "supported", "hypotheses/monthly-churn-more.yaml"],
    ]);
    expect(report.hypotheses[0]).toMatchObject({
      statement: "Month-to-month customers churn less than customers on contracts.",
      metric: "churned",
      segments: ["monthly", "committed"],
      kind: "difference-of-proportions",
      alternative: "less",
      alpha: 0.05,
      groups: [
        { label: "Month to month", n: 3875, value: 1655 / 3875 },
        { label: "Committed", n: 3168, value: 214 / 3168 },
      ],
      test: { statistic: reference.z, pValue: expect.any(Number) },
    });
  });

  function rejected() {
    return result.data!.engine.hypotheses.find((h) => h.id === "monthly-churn-less")!;
  }
});
