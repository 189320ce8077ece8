/**
 * The segment file most rule documentation examples are written about: Heavy
 * users, a behavioural segment of the usage scheme. An example adds the lines
 * it is about (a KPI, a review date, a stated share) after the definition, so
 * the rule's source shows only those; docs/rules.md prints the whole file.
 */

/** segments/usage/heavy.yaml: the seven lines every heavy-users example shares, then `rest`. */
export function heavyUsersExample(rest = "", where = "active_days_90d >= 40"): string {
  return `id: heavy
name: Heavy users
summary: Accounts active on most days.
status: active
approach: behavioral
definition:
  where: ${where}
${rest}`;
}
