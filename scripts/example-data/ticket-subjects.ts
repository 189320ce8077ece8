/**
 * Support ticket subjects: templates per topic with slots and light variation in case and
 * punctuation, the way customers actually type them. Topics depend on the hidden lifecycle:
 * power users ask about the API and integrations, struggling accounts about basics and failures.
 */

import type { Lifecycle } from "./profiles.ts";
import type { Random } from "./random.ts";

export type TicketTopic = "integration" | "api" | "sso" | "failure" | "howto" | "billing" | "onboarding" | "access";

const APPS = ["Salesforce", "HubSpot", "Slack", "Google Sheets", "Jira", "Zendesk", "NetSuite", "Shopify", "Microsoft Teams", "Airtable", "Stripe", "QuickBooks"];
const IDPS = ["Okta", "Azure AD", "Google Workspace", "OneLogin", "JumpCloud"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const FLOWS = ["invoice sync", "lead routing", "onboarding checklist", "weekly report", "order export", "ticket triage", "approval flow"];

const TEMPLATES: Readonly<Record<TicketTopic, readonly string[]>> = {
  integration: ["Can't connect {app} integration", "{app} sync stopped working", "{app} connector: auth error", "OAuth error when adding {app}", "{app} fields not mapping", "Duplicate records from {app} sync"],
  api: ["API rate limit", "Hitting API rate limit ({n} req/min)", "API returns 429 during bulk run", "webhook signature validation failing", "API token expired?", "pagination on /v2/runs endpoint", "Need higher API quota"],
  sso: ["SSO setup", "SAML SSO with {idp}", "SCIM provisioning not syncing users from {idp}", "SSO login loop"],
  failure: ["workflow keeps failing after update", "Workflow \"{flow}\" failing since {weekday}", "runs stuck in pending", "trigger not firing", "URGENT: all workflows failing", "{flow} workflow timed out", "error 500 when saving workflow"],
  howto: ["how do I export reports to csv?", "How to schedule a workflow?", "where are the templates", "how to add a teammate", "can't find the report builder", "How do I duplicate a workflow", "conditional step question"],
  billing: ["billing question", "Invoice for {month} incorrect", "Question about seat pricing", "please update billing address", "Refund request", "cancel subscription", "Downgrade to starter plan"],
  onboarding: ["getting started help", "need an onboarding call", "nothing works??", "can someone walk me through setup", "Is there a tutorial?", "first workflow not running"],
  access: ["password reset email not arriving", "locked out of account", "lost 2FA device", "can't log in", "remove former employee"],
};

export const TOPICS_BY_LIFECYCLE: Readonly<Record<Lifecycle, readonly (readonly [TicketTopic, number])[]>> = {
  power: [["integration", 25], ["api", 30], ["sso", 10], ["failure", 15], ["howto", 5], ["billing", 8], ["access", 7]],
  task: [["integration", 12], ["api", 3], ["sso", 4], ["failure", 30], ["howto", 20], ["billing", 18], ["access", 13]],
  occasional: [["integration", 8], ["failure", 15], ["howto", 35], ["billing", 20], ["access", 22]],
  struggling: [["failure", 25], ["howto", 22], ["onboarding", 28], ["billing", 15], ["access", 10]],
};

function fill(random: Random, template: string): string {
  return template
    .replace("{app}", random.pick(APPS))
    .replace("{idp}", random.pick(IDPS))
    .replace("{weekday}", random.pick(WEEKDAYS))
    .replace("{month}", random.pick(MONTHS))
    .replace("{flow}", random.pick(FLOWS))
    .replace("{n}", String(random.pick([60, 100, 120, 300, 600])));
}

export function generateSubject(random: Random, topic: TicketTopic): string {
  let subject = fill(random, random.pick(TEMPLATES[topic]));
  const r = random.next();
  if (r < 0.12) subject = subject.toLowerCase();
  else if (r < 0.17) subject = `Re: ${subject}`;
  else if (r < 0.21) subject = `${subject}!!`;
  else if (r < 0.24) subject = `${subject} (urgent)`;
  return subject;
}
