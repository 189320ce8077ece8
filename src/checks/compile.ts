/** `seg compile` can render the workspace as warehouse SQL. */
import { defineCheck } from "./define-check.ts";

export const compileRowNumberKey = defineCheck({
  id: "compile/row-number-key",
  description: "Row-number columns arrive as columns of the warehouse table",
  defaultSeverity: "warning",
  messages: {
    positional: 'Column "{{column}}" of source "{{source}}" numbers the rows of {{path}} by position; a warehouse table has no row order, so the compiled SQL reads "{{column}}" as a column of the table.',
  },
  hint: "Load the file with its row numbers in a column of the table, so the ids match seg export.",
  hints: {
    positional: "Load the file with its row numbers in a column named {{column}} (1 for the first data row), so the ids match seg export.",
  },
});

export const compileNoClusterModel = defineCheck({
  id: "compile/no-cluster-model",
  description: "Segments defined by a cluster have the lock's cluster model to compile",
  defaultSeverity: "error",
  messages: {
    clusterSegment: '{{name}} is defined by cluster "{{cluster}}", but {{problem}}, so the clusters cannot be compiled.',
    clustersLeftOut: "The clusters are left out of the compiled SQL: {{problem}}.",
  },
  hint: "Run seg lock to fit the clusters and record them in the lock, then compile again.",
  hints: { clustersLeftOut: "Run seg lock to record the fitted clusters, then compile again." },
});
