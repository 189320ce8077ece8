import { describe, expect, it } from "vitest";
import { dbtModelName, escapeJinja } from "./render-dbt.ts";

describe("escapeJinja", () => {
  it("writes every brace as a Jinja expression printing it", () => {
    expect(escapeJinja("'{{ x }}' {% raw %} {# c #}")).toBe("'{{ '{' }}{{ '{' }} x {{ '}' }}{{ '}' }}' {{ '{' }}% raw %{{ '}' }} {{ '{' }}# c #{{ '}' }}");
  });

  it("leaves SQL without braces alone", () => {
    expect(escapeJinja(`SELECT 'a%b' AS "x"`)).toBe(`SELECT 'a%b' AS "x"`);
  });
});

describe("dbtModelName", () => {
  it("names relations seg_<name>, scheme ids with underscores", () => {
    expect(dbtModelName("features")).toBe("seg_features");
    expect(dbtModelName("scheme:power-users")).toBe("seg_power_users");
  });
});
