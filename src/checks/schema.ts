/**
 * Files match their schema: the zod schema of each kind (diagnostics/from-zod.ts
 * words those findings from the schema) and the cross-file rules a schema
 * cannot state (workspace/resolve-refs.ts).
 */
import { defineCheck } from "./define-check.ts";

export const schemaUnknownKey = defineCheck({
  id: "schema/unknown-key",
  description: "Files use only the keys their schema declares",
  defaultSeverity: "error",
  messages: { problem: "{{problem}}" },
  hint: "Remove the key, or correct its spelling.",
});

export const schemaMissingKey = defineCheck({
  id: "schema/missing-key",
  description: "Files have the keys their schema requires",
  defaultSeverity: "error",
  messages: {
    problem: "{{problem}}",
    sourceCustomer: 'Source "{{source}}" ({{kind}}) needs customer: the column linking its rows to accounts.',
    aggregateColumn: 'Feature "{{feature}}" uses {{aggregate}}, which needs a column.',
    featureTimestamp: 'Feature "{{feature}}" needs dates, but source "{{source}}" declares no timestamp column.',
    noMembers: "No source of kind accounts and no rfm section: Seg cannot tell who the members are.",
  },
  hint: "Add the key.",
  hints: {
    sourceCustomer: "Add customer: <column>.",
    aggregateColumn: "Add column: <the column to aggregate>.",
    featureTimestamp: 'Add timestamp: <column> to source "{{source}}".',
    noMembers: "Declare a source with kind: accounts and key: <member id column>, or an rfm section whose customers become the members.",
  },
});

export const schemaInvalidValue = defineCheck({
  id: "schema/invalid-value",
  description: "Values are among those their key allows",
  defaultSeverity: "error",
  messages: {
    problem: "{{problem}}",
    aggregateAccounts: 'Feature "{{feature}}" aggregates source "{{source}}", which holds one row per account.',
    columnOfMany: 'Feature "{{feature}}" reads column "{{column}}" of "{{source}}", which has many rows per account.',
    rfmSource: 'RFM needs a transactions source with timestamp and amount; "{{source}}" is {{kind}}{{lacking}}.',
    clusteringType: 'Clustering feature "{{feature}}" is {{type}}; k-means needs numbers.',
    blockingCheckLevel: '"{{name}}" cannot be set to {{level}}: its error stops the recompute ({{description}}), so it can only be fixed.',
    checkTakesNoOptions: '"{{name}}" takes no options.',
  },
  hint: "Use one of the values the key allows.",
  hints: {
    blockingCheckLevel: "Fix the data or the declaration instead, or remove the setting.",
    checkTakesNoOptions: "Write {{name}}: {{level}}.",
    aggregateAccounts: "Aggregate a transactions, events, tickets or surveys source, or drop aggregate: to read the column as is.",
    columnOfMany: "Add aggregate: (count, sum, avg, ...) to say how its rows combine per account.",
    rfmSource: "Point rfm.source at a transactions source that declares timestamp: and amount:.",
    clusteringType: "Cluster on numeric features; encode categories as separate numeric features first.",
  },
});

export const schemaInvalidShape = defineCheck({
  id: "schema/invalid-shape",
  description: "Values take one of the shapes their key allows",
  defaultSeverity: "error",
  messages: { problem: "{{problem}}" },
  hint: "Write the value in one of the shapes the schema allows.",
});

export const schemaWrongType = defineCheck({
  id: "schema/wrong-type",
  description: "Values have the type their key requires",
  defaultSeverity: "error",
  messages: { problem: "{{problem}}" },
  hint: "Write a value of the required type.",
});

export const schemaInvalidKey = defineCheck({
  id: "schema/invalid-key",
  description: "Keys of a mapping are valid names",
  defaultSeverity: "error",
  messages: { problem: "{{problem}}" },
  hint: "Rename the key.",
});

export const schemaDuplicateId = defineCheck({
  id: "schema/duplicate-id",
  description: "Segment and persona ids are unique",
  defaultSeverity: "error",
  messages: {
    segmentId: 'The segment id "{{id}}" is already used by {{first}}.',
    personaId: 'The persona id "{{id}}" is used twice.',
  },
  hint: "Give each one a unique id.",
  hints: { segmentId: "Give each segment a unique id.", personaId: "Give each persona a unique id." },
});

export const schemaEmptyFile = defineCheck({
  id: "schema/empty-file",
  description: "Workspace files are not empty",
  defaultSeverity: "error",
  messages: { problem: "{{problem}}" },
  hint: "Write the file's content, or delete it.",
});

export const schemaIdMismatch = defineCheck({
  id: "schema/id-mismatch",
  description: "A file's id matches its file name",
  defaultSeverity: "error",
  messages: { problem: "{{problem}}" },
  hint: "Rename the file or change the id so they agree.",
});
